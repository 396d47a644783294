-- The data of benchmarks/device-list.sh and console-pages.sh, in device-service's own database device_bench (run
-- after the service migrated it): 100,000 devices over 1,000 organizations, of which acme sees all 100,000.
-- Devices 1..50,000 are acme's; 50,001..100,000 belong to bench-org-001..999 (about 50 each). Newest first by n.
INSERT INTO device (id, owner_org, serial_number, manufacturer, model, kind, display_name, tags, secret_hash,
                    secret_rotated_at, created_by, created_at, updated_by, updated_at)
SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid,
       CASE WHEN n <= 50000 THEN 'acme' ELSE 'bench-org-' || lpad((1 + n % 999)::text, 3, '0') END,
       'BENCH-' || n, 'Trimble', 'SPS986',
       (ARRAY['MACHINE_CONTROL','GNSS_ROVER','BASE_STATION','TOTAL_STATION','TABLET'])[1 + n % 5],
       'Bench device ' || n, ARRAY['bench', 'site-' || (n % 20)],
       'pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', now(), 'bench',
       now() - n * interval '1 second', 'bench', now()
FROM generate_series(1, 100000) n;
-- One grant per shared-in device (operator, as sharing-events leave it); every 10th also to a second org.
INSERT INTO device_access (grant_id, device_id, owner_org, grantee_org, role, capabilities, device_created_at, updated_at)
SELECT gen_random_uuid(), d.id, d.owner_org, 'acme', 'OPERATOR',
       ARRAY['view','view-position','read-field-data','assign-to-project','publish-design','remote-session'],
       d.created_at, now()
FROM device d WHERE d.owner_org <> 'acme';
INSERT INTO device_access (grant_id, device_id, owner_org, grantee_org, role, capabilities, device_created_at, updated_at)
SELECT gen_random_uuid(), d.id, d.owner_org, 'subco', 'VIEWER', ARRAY['view','view-position','read-field-data'],
       d.created_at, now()
FROM device d WHERE d.serial_number LIKE 'BENCH-%0';
INSERT INTO device_position (device_id, lat, lon, recorded_at, received_at)
SELECT d.id, 47 + random(), 8 + random(), now(), now() FROM device d;
INSERT INTO licence_pool (org_alias, size, used, updated_by) VALUES ('acme', 100000, 50000, 'bench')
ON CONFLICT (org_alias) DO UPDATE SET size = 100000, used = 50000;
VACUUM ANALYZE;

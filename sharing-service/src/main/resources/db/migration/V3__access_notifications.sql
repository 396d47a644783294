-- Every committed change of what an access check reads is sent to the replicas' in-memory copies on
-- NOTIFY devshare_access, as the state after the change (AccessReplica applies them in commit order).
-- Times are epoch milliseconds: a start rounded up, an end rounded down, so the copy never allows more than
-- PostgreSQL would. Each carries a number from devshare_access_seq: PostgreSQL drops a notification whose payload
-- repeats an earlier one of the same transaction, and a state may repeat (added, removed, added again).

CREATE SEQUENCE devshare_access_seq;

CREATE FUNCTION devshare_access_grant() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    g share_grant;
BEGIN
    IF TG_OP = 'DELETE' THEN
        g := OLD;
    ELSE
        g := NEW;
    END IF;
    PERFORM pg_notify('devshare_access', json_build_object(
        'k', 'g',
        'n', nextval('devshare_access_seq'),
        'id', g.id,
        'a', TG_OP <> 'DELETE' AND g.status = 'ACTIVE',
        'o', g.grantee_org,
        'd', g.device_id,
        'gr', g.group_id,
        'r', g.role,
        'c', g.capabilities,
        's', ceil(extract(epoch FROM g.starts_at) * 1000)::bigint,
        'e', floor(extract(epoch FROM g.ends_at) * 1000)::bigint)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER share_grant_access AFTER INSERT OR UPDATE OR DELETE ON share_grant
    FOR EACH ROW EXECUTE FUNCTION devshare_access_grant();

CREATE FUNCTION devshare_access_device() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('devshare_access', json_build_object(
        'k', 'd', 'n', nextval('devshare_access_seq'), 'id', NEW.device_id, 'o', NEW.owner_org, 'x', NEW.deleted)::text);
    RETURN NULL;
END $$;

CREATE TRIGGER device_view_access_insert AFTER INSERT ON device_view
    FOR EACH ROW EXECUTE FUNCTION devshare_access_device();
CREATE TRIGGER device_view_access_update AFTER UPDATE ON device_view
    FOR EACH ROW WHEN (OLD.owner_org IS DISTINCT FROM NEW.owner_org OR OLD.deleted IS DISTINCT FROM NEW.deleted)
    EXECUTE FUNCTION devshare_access_device();

CREATE FUNCTION devshare_access_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM pg_notify('devshare_access', json_build_object(
            'k', 'm', 'n', nextval('devshare_access_seq'), 'g', OLD.group_id, 'd', OLD.device_id, 'in', false)::text);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM pg_notify('devshare_access', json_build_object(
            'k', 'm', 'n', nextval('devshare_access_seq'), 'g', NEW.group_id, 'd', NEW.device_id, 'in', true)::text);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER group_member_view_access AFTER INSERT OR UPDATE OR DELETE ON group_member_view
    FOR EACH ROW EXECUTE FUNCTION devshare_access_member();

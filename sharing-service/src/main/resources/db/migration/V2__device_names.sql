-- The devices' display names, so that a share event names the devices it covers: a consumer that mails people
-- about a share need not have seen the device's own events first.
ALTER TABLE device_view ADD COLUMN display_name text;

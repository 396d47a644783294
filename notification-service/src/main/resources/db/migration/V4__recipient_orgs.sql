-- notification-service: whose address each delivery went to, so an organization's inbox shows the addresses of its
-- own recipients only (issue 13). recipient_orgs are the aliases of the organizations whose recipients include the
-- address: its contacts or admins, or, for the addresses an inviter named on an invitation, the inviter (it chose
-- them). One address can be both organizations' (one delivery per address and event).
ALTER TABLE mail_delivery ADD COLUMN recipient_orgs text[] NOT NULL DEFAULT '{}';

-- Deliveries recorded before: where the kind says whose recipients they were (org_aliases lists the event's
-- organizations in a known order), that organization; otherwise nobody's, so no organization sees the address.
UPDATE mail_delivery SET recipient_orgs = ARRAY[org_aliases[1]]
    WHERE cardinality(org_aliases) >= 1
      AND event_type IN ('invitation.accepted', 'invitation.declined', 'share.left', 'transfer.failed');
UPDATE mail_delivery SET recipient_orgs = ARRAY[org_aliases[2]]
    WHERE cardinality(org_aliases) = 2 AND event_type = 'share.granted';

-- CIN census ChildIdentifiers/FormerUPN: a UPN the child had before the current one, from the contact.
ALTER TABLE child ADD COLUMN former_upn VARCHAR(13);

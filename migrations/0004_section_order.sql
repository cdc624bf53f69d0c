-- 0004: the order of a trip's sections, as the user arranged them in the window. A JSON list
-- of section headings; sections not in it follow in the order of their first entry. The
-- exported post and the window's By-section view both use it.

ALTER TABLE trips ADD COLUMN section_order TEXT NOT NULL DEFAULT '[]';

-- The language of the trip's post ("en", "zh", "de"); NULL: told from the trip's text.
ALTER TABLE trips ADD COLUMN post_language TEXT;

# Die Texte des tripjournal-Fensters, Deutsch.

## Die Befehlstabelle: Beschriftung und was der Befehl tut.
cmd-capture-session = 🎤 Vortrag
cmd-capture-session-help = Neuer Vortrag; einfach den Titel weitertippen
cmd-capture-meal = 🍴 Essen
cmd-capture-meal-help = Neues Essen; einfach den Titel weitertippen
cmd-capture-rating = ⭐ Bewertung
cmd-capture-rating-help = Neue Essensbewertung; einfach den Titel weitertippen
cmd-capture-note = 📝 Notiz
cmd-capture-note-help = Neue Notiz; einfach den Titel weitertippen
cmd-new-trip = ➕ Neue Reise
cmd-new-trip-help = Neue Reise
cmd-add-photos = 📷 Fotos hinzufügen…
cmd-add-photos-help = Fotos zum gewählten Eintrag (oder zur Reise) hinzufügen
cmd-paste-help = Text in ein Feld einfügen oder ein Bild als Foto
cmd-find-help = In der Reise suchen
cmd-export = Exportieren…
cmd-export-help = Die Reise als Blogbeitrag exportieren
cmd-save-help = Jetzt speichern (Änderungen speichern sich auch selbst)
cmd-undo = Rückgängig
cmd-undo-help = Rückgängig (außerhalb eines Textfelds)
cmd-redo = Wiederholen
cmd-redo-help = Wiederholen
cmd-next-field-help = Nächstes / vorheriges Feld
cmd-jump-to-notes-help = Zu den Notizen des Eintrags springen
cmd-stars-more-help = Einen halben Stern mehr
cmd-stars-less-help = Einen halben Stern weniger
cmd-stars-lowest-help = Ein halber Stern; Ziffern tippen einen Wert (4,5)
cmd-stars-highest-help = Fünf Sterne
cmd-stars-clear-help = Keine Bewertung
cmd-viewer-previous-help = Vorheriges Foto
cmd-viewer-next-help = Nächstes Foto
cmd-schedule-star-help = Gewählten Vortrag markieren oder die Markierung aufheben
cmd-schedule-notes-help = Notizen zum gewählten Vortrag beginnen (oder öffnen)
cmd-schedule-next-help = Nächsten Vortrag wählen
cmd-schedule-previous-help = Vorherigen Vortrag wählen
cmd-confirm-help = Den Dialog bestätigen (in einem einzeiligen Feld)
cmd-close-help = Ein Feld verlassen; Betrachter, Dialog, diese Hilfe oder den Editor schließen
cmd-erase-typed-help = Den zuletzt getippten Buchstaben löschen
cmd-help = Hilfe
cmd-help-help = Diese Hilfe
cmd-theme-help = Helles oder dunkles Design
cmd-edit-trip = Reise bearbeiten…
cmd-edit-trip-help = Name, Ort, Daten, Zeitzone und Beitrag der Reise ändern
cmd-delete-trip = Reise löschen…
cmd-delete-trip-help = Die Reise mit ihren Einträgen und Fotos löschen
cmd-watch-folder = Ordner beobachten…
cmd-watch-folder-help = Fotos importieren, die in einem Ordner ankommen (dem Sync-Ordner eines Telefons)
cmd-delete-entry = Eintrag löschen…
cmd-delete-entry-help = Den Eintrag löschen (Rückgängig holt ihn zurück)
cmd-view-photo = Ansehen…
cmd-view-photo-help = Das Foto groß zeigen, mit seiner Bildunterschrift
cmd-move-photo-left = Nach links
cmd-move-photo-left-help = Eine Stelle früher unter seinen Fotos
cmd-move-photo-right = Nach rechts
cmd-move-photo-right-help = Eine Stelle später unter seinen Fotos
cmd-camera-clock = Kamerauhr falsch…
cmd-camera-clock-help = Die Zeiten der Fotos einer Kamera verschieben
cmd-set-cover = Als Titelbild der Reise
cmd-set-cover-help = Dieses Foto neben der Reise zeigen
cmd-delete-photo = Foto löschen
cmd-delete-photo-help = Das Foto löschen (Rückgängig holt es zurück)
cmd-import-schedule = Programm importieren…
cmd-import-schedule-help = Die Programmdatei einer Konferenz (.ics, schedule.xml, schedule.json); oder auf das Fenster ziehen
cmd-new-trip-from-schedule = Neue Reise aus einem Programm…
cmd-new-trip-from-schedule-help = Name, Daten und Zeitzone aus der Programmdatei einer Konferenz

## Wo die Tasten eines Befehls wirken.
scope-stars = {" "}auf den Sternen
scope-viewer = {" "}im Fotobetrachter
scope-schedule = {" "}im Programm
scope-field = {" "}in einem Feld

## Die F1-Hilfe.
help-title = Tastenkürzel
help-drop = Fotodateien irgendwo auf das Fenster ziehen, um sie hinzuzufügen, oder ein Konferenzprogramm (.ics, .xml, .json), um es zu importieren.

## Die obere Leiste.
theme-light = ☀ Hell
theme-dark = 🌙 Dunkel
language-system = Sprache des Systems

## Der erste Start.
welcome-title = Willkommen bei tripjournal
welcome-lead = Vorträge, Essen und bewertete Speisen notieren; Fotos hinzufügen; einen Blogbeitrag exportieren.
welcome-demo = Die Beispielreise öffnen

## Die Zeitleiste.
view-by-day = Nach Tagen
view-by-section = Nach Abschnitten
view-food-board = Essensliste
view-schedule = Programm
kind-sessions = Vorträge
kind-sessions-show = Vorträge zeigen
kind-meals = Essen
kind-meals-show = Essen zeigen
kind-food-ratings = Bewertungen
kind-food-ratings-show = Essensbewertungen zeigen
kind-notes = Notizen
kind-notes-show = Notizen zeigen
timeline-search-hint = Suchen (Strg+F)
timeline-search-clear = Suche leeren
timeline-empty = Noch keine Einträge. Mit den Knöpfen oben einen beginnen (Strg+1…4).
timeline-no-match = Nichts passt zur Suche und zu den Filtern.
trips-heading = Reisen

## Fotos.
photo-move-to = Verschieben nach
photo-unassigned = Nicht zugeordnete Fotos
photo-unassigned-count = Nicht zugeordnete Fotos ({ $count })

## Das Programm.
schedule-list = Liste
schedule-list-help = Die Vorträge des Tages nach Zeit
schedule-grid = Raster
schedule-grid-help = Die Räume des Tages nebeneinander, nach Zeit
schedule-track = Track
schedule-all-tracks = Alle Tracks
schedule-search = Vorträge suchen
schedule-search-hint = Titel, Sprecher, Raum…
schedule-talk-count = { $count ->
    [one] 1 Vortrag
   *[other] { $count } Vorträge
}
schedule-no-match = Kein Vortrag dieses Tages passt zu Track und Suche.
schedule-none = Diese Reise hat noch kein Konferenzprogramm.
schedule-none-hint = Die Programmdatei der Konferenz importieren (.ics, schedule.xml oder schedule.json) oder auf das Fenster ziehen.

## Der Eintragseditor.
editor-photos = Fotos
editor-add-photos = Fotos hinzufügen…
editor-title = Titel
editor-what-is-this-about = Worum geht es?
editor-notes-markdown = Notizen (Markdown)
editor-preview = Vorschau
editor-body = Text
editor-impressions-quotes-links-markdown-works = Eindrücke, Zitate, Links… Markdown geht.
editor-abstract = Zusammenfassung
editor-close = Schließen
editor-delete = Löschen…
editor-tags = Schlagwörter
editor-section = Abschnitt
editor-pick = Wählen…
editor-choose-one-of-the-trip-s-sections = Einen der Abschnitte der Reise wählen
editor-speakers = Sprecher
editor-track = Track
editor-room = Raum
editor-duration-min = Dauer (Min.)
editor-role = Rolle
editor-attended = Gehört
editor-link-slides-video = Link (Folien/Video)
editor-usefulness = Nutzen
editor-takeaways = Erkenntnisse
editor-meal = Mahlzeit
editor-venue = Lokal
editor-address = Adresse
editor-dishes = Gerichte
editor-rating = Bewertung
editor-dish = Gericht
editor-category = Kategorie
editor-overall = Gesamt
editor-taste = Geschmack
editor-value = Preis-Leistung
editor-service = Service
editor-atmosphere = Ambiente
editor-verdict = Urteil

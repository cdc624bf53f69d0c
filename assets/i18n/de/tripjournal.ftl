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
schedule-plan = Mein Plan
schedule-plan-help = Die markierten Vorträge des Tages der Reihe nach, mit freier Zeit und Überschneidungen
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

## The status bar.
status-no-trip-open = Öffne oder erstelle zuerst eine Reise
status-no-trip-for-photos = Öffne eine Reise, bevor du Fotos hinzufügst
status-no-trip-for-paste = Öffne eine Reise, bevor du ein Foto einfügst
status-deleted-with-photos = Der Eintrag und seine Fotos wurden gelöscht; das lässt sich nicht rückgängig machen
status-no-camera-model = Dieses Foto sagt nicht, welche Kamera es aufgenommen hat
status-set-aside = { $count ->
    [one] 1 Zeile beiseitegelegt (in der Journaldatei aufbewahrt)
   *[other] { $count } Zeilen beiseitegelegt (in der Journaldatei aufbewahrt)
}
status-trip-created = „{ $name }“ erstellt
status-file-not-opened = { $file } lässt sich nicht öffnen: { $problem }
status-not-saved-retrying = Noch nicht gespeichert: { $error }. Dein Text bleibt erhalten; neuer Versuch läuft
status-not-saved-deleted = Nicht gespeichert: { $error } (es wurde gelöscht, vielleicht von einem anderen Programm)
status-export-failed = Export fehlgeschlagen: { $error }
status-saved = Gespeichert
status-cannot-watch = Der Ordner lässt sich nicht beobachten: { $error }
status-no-opener = Der Ordner lässt sich nicht öffnen: { $program } ist nicht verfügbar ({ $error })
status-not-opened = Kein Dateimanager hat { $path } geöffnet: öffne ihn selbst
status-exported = { $post } exportiert
status-exported-not-recorded = { $post } exportiert; das schreibgeschützte Journal kann das nicht vermerken, ein erneuter Export dorthin braucht „Überschreiben“
status-imported-photos = { $count ->
    [one] 1 Foto importiert
   *[other] { $count } Fotos importiert
}
status-imported-duplicates = , { $count } schon in der Reise
status-imported-failed = , { $count } fehlgeschlagen
status-imported-cancelled = , { $count } abgebrochen
status-clock-shifted = { $count ->
    [one] Zeit von 1 Foto um { $by } verschoben
   *[other] Zeit von { $count } Fotos um { $by } verschoben
}
status-clock-left = , { $count } ohne Zeit unverändert
status-schedule-imported = { $imported ->
    [one] 1 Vortrag importiert, { $updated } aktualisiert, { $cancelled } abgesagt, { $skipped } übersprungen
   *[other] { $imported } Vorträge importiert, { $updated } aktualisiert, { $cancelled } abgesagt, { $skipped } übersprungen
}
status-added-on-selected = Hinzugefügt am { $day } (Tag des gewählten Eintrags)
status-added-on-first = Hinzugefügt am { $day } (erster Tag der Reise)
status-added-on-last = Hinzugefügt am { $day } (letzter Tag der Reise)
opened-missing = die Datei gibt es nicht
opened-folder = es ist ein Ordner
opened-not-a-file = es ist keine normale Datei
opened-unreadable = sie lässt sich nicht lesen
opened-unsupported = sie ist weder ein Journal noch ein Konferenzprogramm (.ics, .xml, .json)
opened-second-journal = es ist immer nur ein Journal geöffnet
no-dialog-photos = Hier gibt es keinen Dateidialog (kein Desktop-Portal): zieh Fotos ins Fenster oder füge ein Bild ein
no-dialog-schedule = Hier gibt es keinen Dateidialog (kein Desktop-Portal): zieh die Programmdatei ins Fenster
no-dialog-export-folder = Hier gibt es keinen Ordnerdialog: tippe den Zielordner ein
no-dialog-watch-folder = Hier gibt es keinen Ordnerdialog (kein Desktop-Portal): tippe den Pfad des Ordners ein
no-dialog-journal = Hier gibt es keinen Dateidialog: tippe stattdessen den Pfad ein
journal-demo-failed = Die Demo-Reise ließ sich nicht anlegen: { $error }
journal-import-failed = Der Import konnte nicht laufen: { $error }
journal-paste-unreadable = Das eingefügte Bild ließ sich nicht lesen
journal-paste-duplicate = { $name } ist schon in dieser Reise
journal-thread = die Arbeit lässt sich nicht starten: { $error }
journal-schedule-failed = Das Programm wurde nicht importiert: { $error }
read-only-storage = Dieses Journal liegt auf schreibgeschütztem Speicher; kopiere es zum Bearbeiten in einen beschreibbaren Ordner
read-only-file = Diese Journaldatei ist schreibgeschützt; kopiere sie zum Bearbeiten in einen beschreibbaren Ordner
read-only-folder = Der Ordner dieses Journals ist schreibgeschützt; kopiere es zum Bearbeiten in einen beschreibbaren Ordner
editing-off-storage = Bearbeiten ist aus: dieses Journal liegt auf schreibgeschütztem Speicher; kopiere es zum Bearbeiten in einen beschreibbaren Ordner
editing-off-file = Bearbeiten ist aus: diese Journaldatei ist schreibgeschützt; kopiere sie zum Bearbeiten in einen beschreibbaren Ordner
editing-off-folder = Bearbeiten ist aus: der Ordner dieses Journals ist schreibgeschützt; kopiere es zum Bearbeiten in einen beschreibbaren Ordner

## Export and form errors the window words.
export-would-replace = { $count ->
    [one] 1 Datei im Zielordner wird nicht ersetzt, nichts wurde geändert: { $files }. Setze „Überschreiben“, um sie zu ersetzen.
   *[other] { $count } Dateien im Zielordner werden nicht ersetzt, nichts wurde geändert: { $files }. Setze „Überschreiben“, um sie zu ersetzen.
}
export-slug-without-letters = Der Kurzname braucht Buchstaben oder Ziffern (er wird zum Dateinamen)
export-max-width-too-small = Maximale Breite { $width } px ist zu klein: mindestens { $least } px
export-symlink = es wird nicht durch einen symbolischen Link im Zielordner geschrieben: { $path }
export-blocked = ein Ordner oder eine Sonderdatei steht dem Export im Weg: { $path }
export-busy = ein anderer Export in diesen Ordner läuft; versuche es erneut, wenn er fertig ist: { $path }
export-disk-full = der Datenträger ist voll; im Zielordner wurde nichts geändert: { $path }
export-cancelled = Export abgebrochen; im Zielordner wurde nichts geändert
export-form-no-folder = Wähle zuerst einen Zielordner
export-form-bad-date = Das Datum des Beitrags muss wie 2018-11-13 aussehen
trip-form-bad-start = Das Startdatum muss wie 2018-11-13 aussehen
trip-form-bad-end = Das Enddatum muss wie 2018-11-13 aussehen

## The status bar's jobs and lists, the damaged-rows banner, a journal that did not open.
status-importing-photos = Fotos werden importiert
status-cancel-import = Import abbrechen
status-saving = Wird gespeichert…
status-photos-not-imported = { $count ->
    [one] 1 Foto ließ sich nicht importieren
   *[other] { $count } Fotos ließen sich nicht importieren
}
status-events-skipped = { $count ->
    [one] 1 Termin des Programms wurde übersprungen
   *[other] { $count } Termine des Programms wurden übersprungen
}
status-dismiss = Ausblenden
damage-headline = { $count ->
    [one] ⚠ 1 Zeile dieses Journals ist unlesbar und wird nicht gezeigt
   *[other] ⚠ { $count } Zeilen dieses Journals sind unlesbar und werden nicht gezeigt
}
damage-set-aside = Beiseitelegen
damage-set-aside-help = Legt sie aus dem Weg, damit der Rest exportiert; sie bleiben in der Journaldatei
damage-more = und { $count } weitere
journal-not-opened = Das Journal ließ sich nicht öffnen
journal-open-another = Eine andere Journaldatei öffnen (eine neue Datei wird angelegt, wenn es sie nicht gibt):
journal-file = Journaldatei:
journal-open = Öffnen
journal-choose = Auswählen…

## Shared by the dialogs.
dialog-cancel = Abbrechen
date-hint = JJJJ-MM-TT
tags-hint = durch Kommas getrennt

## The export dialog.
export-title = Als Blogbeitrag exportieren
export-layout = Aufbau
export-layout-plain = Einfacher Ordner
export-order = Reihenfolge
export-order-day = Nach Tag
export-order-kind = Nach Art
export-order-section = Nach Abschnitt
export-numbering = Nummerierung
export-numbering-help = Titel, die mit einer eigenen Nummer beginnen, behalten nur diese
export-numbering-none = Keine
export-max-width = Max. Breite (px)
export-destination = Zielordner
export-keep-gps = GPS-Position behalten
export-gallery = Galerie der nicht zugeordneten Fotos
export-programme = Programm
export-talks-attended = Besuchte Vorträge
export-talks-attended-help = Den Beitrag mit den markierten Vorträgen beenden, zu denen es Notizen gibt
export-post = Beitrag
export-draft = Entwurf
export-published = Veröffentlicht
export-overwrite = Überschreiben
export-overwrite-help = Dateien im Ordner ersetzen oder entfernen, die der letzte Export dieser Reise nicht geschrieben hat oder die seitdem geändert wurden
export-phone-size = Auch 800 px für Handys
export-phone-size-help = Jedes Bild zusätzlich mit 800 px schreiben, der Browser wählt (srcset). Einfache und Jekyll-Beiträge nutzen dann HTML-<img>; Hugo macht seine Größen mit einem Render-Hook (README).
export-git = In Git committen
export-git-help = Der Zielordner ist das Git-Repository deines Blogs: der Beitrag wird ein Commit auf einem eigenen Branch. Deine Dateien, vorgemerkten Änderungen und dein aktueller Branch bleiben unberührt; nichts wird gepusht.
export-git-branch = Branch
export-git-committed = ✔ { $commit } auf { $branch } committet; pushen mit: git push -u origin { $branch }
export-git-unchanged = ✔ { $branch } enthält diesen Beitrag schon; kein neuer Commit
export-git-not-repository = Nicht der oberste Ordner eines Git-Repositorys: { $path }
export-git-no-identity = Git kennt für dieses Repository weder user.name noch user.email; setze sie mit git config user.name und git config user.email
export-git-not-ours = Den Branch { $branch } gibt es schon, und er stammt nicht von tripjournal; nenne einen anderen oder wähle Überschreiben, um darauf zu committen
export-post-date = Datum des Beitrags
export-post-date-hint = erster Reisetag
export-slug = Kurzname
export-slug-hint = wie zuvor (aus dem Namen der Reise)
export-slug-help = Datei- und URL-Name des Beitrags; die Reise merkt ihn sich für spätere Exporte
export-preview = Vorschau
export-rendered = Gerendert
export-source = Quelltext
export-export = Exportieren
export-images-unit = {" "}Bilder
export-written = ✔ Geschrieben: { $post }
export-removed = · { $count } nicht mehr benötigte Datei(en) entfernt
export-kept = · { $count } alte, von dir geänderte Datei(en) behalten („Überschreiben“ entfernt sie)
export-open-folder = Ordner öffnen

## The trip dialog.
trip-new-title = Neue Reise
trip-edit-title = Reise bearbeiten
trip-name = Name
trip-name-hint = Berlin-Gipfel 2018
trip-city = Stadt
trip-city-hint = Berlin
trip-country = Land
trip-country-hint = Deutschland
trip-start-date = Startdatum
trip-end-date = Enddatum
trip-pick-date = Datum im Kalender wählen
trip-slug-hint = aus dem Namen, z. B. berlin-summit-2018
trip-author = Autor
trip-summary = Zusammenfassung
trip-time-zone = Zeitzone
trip-zone-from-place = aus dem Ort
trip-cover-set = Ein Titelfoto ist gesetzt.
trip-remove-cover = Titelfoto entfernen
trip-cover-hint = Ein Titelfoto setzt du im Menü eines Fotos.
trip-save = Reise speichern
trip-create = Reise anlegen
trip-post-language = Sprache des Beitrags
trip-post-language-automatic = Automatisch (aus dem Text der Reise)
trip-zone-doubt-offsets = Die Zeitzone { $zone } ist geraten: Das Programm nennt nur UTC-Abstände ({ $offsets }) und keinen Ort; die Zone der Stadt hielte auch die Sommerzeit richtig. Tippe die Zone der Konferenz ein (z. B. Europe/Brussels) oder behalte sie.
trip-zone-doubt-nothing = Die Zeitzone { $zone } ist geraten: Das Programm nennt weder Zone noch Ort noch UTC-Abstand. Tippe die Zone der Konferenz ein (z. B. Europe/Brussels) oder behalte sie.
trip-zone-doubt = Die Zeitzone { $zone } stammt aus: { $reason }. Tippe die Zone der Konferenz ein (z. B. Europe/Brussels) oder behalte sie.

## The watched folder.
watch-title = Ordner beobachten
watch-lead = Fotos, die in diesem Ordner ankommen (Sync-Ordner eines Handys, Kartenleser), werden in die nicht zugeordneten Fotos der Reise importiert.
watch-folder = Ordner
watch-go = Beobachten
watch-watching = Beobachte { $folder }
watch-watching-new = Beobachte { $folder } · { $count } neu
watch-stop = Beobachten beenden
watch-first-title = Fotos schon im Ordner
watch-first-question = { $count ->
    [one] 1 Foto ist schon in { $folder } — importieren?
   *[other] { $count } Fotos sind schon in { $folder } — importieren?
}
watch-import-them = Importieren
watch-not-these = Diese nicht

## The camera clock.
clock-title = Kamerauhr
clock-off-by = Fotos von { $camera } liegen daneben um
clock-off-by-help = Zum Beispiel +2h, -7h30m, +90s, -1d oder +00:05
clock-shift = Verschieben
clock-moving = { $count ->
    [one] 1 Foto bekommt eine andere Zeit.
   *[other] { $count } Fotos bekommen eine andere Zeit.
}
clock-no-entry = kein Eintrag

## A conference programme's file.
schedule-file-offer-title = Konferenzprogramm öffnen
schedule-file-import-title = Konferenzprogramm importieren
schedule-file-new-title = Neue Reise aus einem Konferenzprogramm
schedule-file-import = Importieren
schedule-file-lead = Die Programmdatei, die die Konferenz veröffentlicht: .ics, schedule.xml oder schedule.json. Tippe oder füge ihren Pfad ein (hier gibt es keinen Dateidialog) oder zieh die Datei ins Fenster.
schedule-file-file = Datei
schedule-file-offer-lead = Ein Konferenzprogramm wurde mit tripjournal geöffnet. Was soll daraus werden?
schedule-file-offer-new = Eine neue Reise mit seinen Vorträgen
schedule-file-offer-into = Seine Vorträge in „{ $trip }“

## Deleting.
delete-trip-question = Diese Reise löschen?
delete-trip-what = „{ $trip }“ wird mit allen Einträgen und Fotos aus dem Journal gelöscht.
delete-trip = Reise löschen
delete-entry-question = „{ $entry }“ löschen?
delete-entry-undo = Rückgängig (Strg+Z) holt ihn zurück.
delete-entry-photos = { $count ->
    [one] Sein Foto kommt zurück zu den nicht zugeordneten Fotos der Reise, außer du löschst es mit (das lässt sich nicht rückgängig machen).
   *[other] Seine { $count } Fotos kommen zurück zu den nicht zugeordneten Fotos der Reise, außer du löschst sie mit (das lässt sich nicht rückgängig machen).
}
delete-entry = Eintrag löschen
delete-entry-with-photos = { $count ->
    [one] Mit seinem Foto löschen
   *[other] Mit seinen { $count } Fotos löschen
}

## Photos (strips, suggestions, the viewer).
photo-none-yet = Noch keine Fotos: zieh Dateien ins Fenster, füge ein Bild ein oder nutze „Fotos hinzufügen“.
photo-no-unassigned = Keine nicht zugeordneten Fotos.
photo-tooltip = Foto: { $caption }
    Klicken zum Ansehen, auf einen Eintrag ziehen zum Verschieben
photo-suggested = { $count ->
    [one] 💡 1 nicht zugeordnetes Foto entstand um diesen Eintrag herum.
   *[other] 💡 { $count } nicht zugeordnete Fotos entstanden um diesen Eintrag herum.
}
photo-add-them = Hinzufügen
photo-viewer-title = Foto
photo-close-viewer = Ansicht schließen
photo-caption = Bildunterschrift
photo-previous = ◀ Voriges
photo-previous-help = Pfeiltaste links
photo-next = Nächstes ▶
photo-next-help = Pfeiltaste rechts
photo-taken = aufgenommen { $time }
photo-has-gps = hat GPS (nur auf Wunsch exportiert)

## The food board.
food-none = Noch kein bewertetes Essen. Füge eine Essensbewertung hinzu (Strg+3) oder bewerte eine Mahlzeit.
food-sort-by = Nach { $column } sortieren

## The Schedule's rows, grid and Now/next strip.
schedule-now-at = Jetzt { $time }
schedule-now = Jetzt
schedule-next = Danach
schedule-cancelled = Abgesagt: das neueste Programm führt ihn nicht mehr.
schedule-start-notes-hint = Doppelklick oder Enter: Notizen beginnen
schedule-all-day = Ganztägig
schedule-all-day-label = Ganztägig:
schedule-no-room = Kein Raum
schedule-strip-hint = Jetzt / danach: markiere Vorträge (☆ oder S im Programm), um sie hier zu sehen

## The timeline's rows.
timeline-drag-help = An eine andere Stelle oder in einen anderen Abschnitt ziehen
timeline-move-to-section = In Abschnitt verschieben
timeline-no-section-choice = (kein Abschnitt)
timeline-no-section = Kein Abschnitt
trips-choose = Wähle links eine Reise

## The desktop's file dialogs.
file-dialog-photos-title = Fotos hinzufügen
file-dialog-photos = Fotos
file-dialog-schedules = Konferenzprogramme
file-dialog-export-title = In Ordner exportieren
file-dialog-journal-title = Journal öffnen
file-dialog-journal = Journal

## The entry editor (more).
editor-not-saved-write-like = Nicht gespeichert: schreibe es wie { $hint }
editor-price = Preis
editor-price-hint = 12.50 EUR
editor-close-help = Den Editor schließen; was du getippt hast, bleibt ({ $keys })
editor-when = Wann ({ $zone })
editor-when-hint = JJJJ-MM-TT HH:MM
editor-section-hint = z. B. 1. Die Community wächst
editor-speaker = Ich habe den Vortrag gehalten
editor-dish-hint = Schweinshaxe
editor-category-hint = z. B. Schweinshaxe
editor-source = Quelle
editor-source-hint = eigener Besuch, oder z. B. 4,6 auf einem Bewertungsportal

## Stars, the Schedule's buttons, moving rows.
stars-none = keine Bewertung
stars-value = { $rating } von 5 Sternen
stars-help = { $label }: { $value }. Klicken oder ←/→ nutzen; Entf löscht.
schedule-star = „{ $title }“ markieren
schedule-unstar = Markierung von „{ $title }“ entfernen
schedule-notes = ✏ Notizen
schedule-start-notes = Notizen beginnen
schedule-open-notes-on = Die Notizen zu „{ $title }“ öffnen
schedule-start-notes-on = Notizen zu „{ $title }“ beginnen
timeline-move-up = „{ $title }“ in seinem Abschnitt nach oben
timeline-move-down = „{ $title }“ in seinem Abschnitt nach unten
timeline-move-section-up = Abschnitt „{ $section }“ nach oben
timeline-move-section-down = Abschnitt „{ $section }“ nach unten
watch-folder-lost = Der Ordner lässt sich gerade nicht lesen: { $error }
watch-stopped = Beobachten beendet
watch-stopped-by = Beobachten beendet: { $error }
clock-bad-shift = „{ $typed }“ ist keine Zeitverschiebung: schreibe sie wie +2h, -7h30m, +90s, -1d oder +00:05

## The plan: changes, clashes, marks, the calendar file, reminders.
plan-changes-heading = { $count ->
    [one] Das neue Programm ändert 1 Sache an deinem Plan:
   *[other] Das neue Programm ändert { $count } Dinge an deinem Plan:
}
plan-change-moved = ↻ „{ $title }“ verlegt: { $before } ⏵ { $now }
plan-change-cancelled = ✖ „{ $title }“ wurde abgesagt ({ $now })
plan-change-new = ✚ Neu in einem Track, dem du folgst: „{ $title }“ ({ $now })
plan-clash = „{ $first }“ überschneidet sich mit „{ $second }“
plan-keep = „{ $title }“ behalten
plan-mark-maybe = Vielleicht (nicht im Plan)
plan-mark-attended = Besucht
plan-mark-watch-later = Später ansehen (Aufzeichnung)
plan-export = 📅 Plan als Kalender
plan-export-help = Die markierten Vorträge (ohne „vielleicht“) für den Kalender eines Handys nach { $file } schreiben; erneut aktualisiert seine Termine
plan-empty = Keine markierten Vorträge an diesem Tag. Markiere Vorträge (☆ oder S) in der Liste oder im Raster, um ihn zu planen.
plan-gap = frei { $from }–{ $to } ({ $minutes } Min.)
plan-keep-this = Diesen behalten
plan-back-in = Zurück in den Plan
plan-back-in-on = „{ $title }“ zurück in den Plan nehmen
plan-maybe-prefix = vielleicht ·{" "}
plan-clashes-with = Überschneidet sich mit: { $titles }
plan-moved-from = Verlegt; vorher { $before }
status-plan-exported = { $count ->
    [one] 1 Vortrag nach { $file } geschrieben
   *[other] { $count } Vorträge nach { $file } geschrieben
}
status-plan-folder = { $folder } ist ein Ordner; der Plan braucht einen Dateinamen
status-plan-not-written = Der Plan wurde nicht nach { $file } geschrieben: { $error }
reminder-setting = ⏰ Erinnern
reminder-minutes-suffix = {" "}Min. vorher
reminder-setting-help = Minuten vor einem markierten Vortrag, zu denen seine Erinnerung erscheint (0: keine)
reminder-line = ⏰ { $time } „{ $title }“ · { $room }
reminder-notification-body = Beginnt um { $time } in { $room }

//! Exports built by the real site generators (Debian's `jekyll` and `hugo`): journal text
//! that looks like Liquid or a Hugo shortcode shows as typed and never runs, a site secret
//! never reaches the page, and a `javascript:` link is never a link. `.ci/run` installs both
//! generators; elsewhere a missing one is reported as skipped (and fails under CI=true).

use std::path::Path;
use std::process::Command;

use chrono::{TimeZone, Utc};
use tripjournal::export::{ExportOptions, Layout, Order, export_trip};
use tripjournal::model::{EntryContent, EntryFields, EntryKind, TripFields, TripId};
use tripjournal::photos::import_bytes;

use crate::util::{TempJournal, cli_ok, fixture};

const SECRETS: [&str; 3] = [
    "SECRET-JEKYLL-TOKEN",
    "SECRET-INCLUDE-TEXT",
    "SECRET-HUGO-KEY",
];

/// Text that a site generator would run if it reached it unprotected.
const HOSTILE: [&str; 8] = [
    "{%endraw%}{{ site.secret_token }}{%raw%}",
    "{%- endraw -%}{{site.secret_token}}",
    "{% include secret.html %}",
    "{{% param apikey %}}",
    "{{< param apikey >}}",
    "{{< nope >}}",
    "{{% nope %}}",
    "{{< unclosed",
];

fn generator_available(program: &str) -> bool {
    let found = Command::new(program)
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success())
        || Command::new(program)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success());
    crate::util::present_or_skipped(found, program)
}

/// A trip whose every kind of text holds the hostile strings.
fn hostile_trip(journal: &mut TempJournal) -> TripId {
    let mut fields = TripFields::named(&format!("Trip {}", HOSTILE[0]));
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    fields.summary = HOSTILE.join("\n\n");
    let trip = journal.store.create_trip(&fields).expect("trip");
    for (index, text) in HOSTILE.iter().enumerate() {
        let at = Utc
            .with_ymd_and_hms(2018, 11, 13, 8 + index as u32, 0, 0)
            .unwrap();
        let mut entry = EntryFields::new(EntryKind::Session, text, at);
        entry.section = Some(format!("Section {text}"));
        entry.body = format!("Body {text}\n\n```\ncode {text}\n```\n\nInline `{text}` too.");
        if let EntryContent::Session(session) = &mut entry.content {
            session.room = format!("Room {text}");
            session.speakers = vec![format!("Speaker {text}")];
            session.link = Some("javascript:alert(1)".into());
        }
        let id = journal.store.create_entry(trip, &entry).expect("entry");
        if index == 0 {
            let bytes = std::fs::read(fixture("plain.jpg")).expect("photo");
            let caption = format!("Caption {text}");
            import_bytes(&mut journal.store, trip, Some(id), &caption, "p.jpg", bytes)
                .expect("photo");
        }
    }
    let mut meal = EntryFields::new(
        EntryKind::Meal,
        "Dinner",
        Utc.with_ymd_and_hms(2018, 11, 13, 19, 0, 0).unwrap(),
    );
    if let EntryContent::Meal(content) = &mut meal.content {
        content.venue = HOSTILE[2].to_string();
    }
    journal.store.create_entry(trip, &meal).expect("meal");
    trip
}

/// What a reader sees of the page's text: entities decoded, invisible joiners dropped.
fn page_text(html: &str) -> String {
    html.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
        .replace('\u{2060}', "")
}

fn export_into(journal: &TempJournal, trip: TripId, site: &Path, layout: Layout) {
    let mut options = ExportOptions::new(site, layout);
    options.order = Order::Section;
    export_trip(&journal.store, trip, &options).expect("export");
}

fn assert_page_is_safe(html: &str, generator: &str) {
    let text = page_text(html);
    for secret in SECRETS {
        assert!(
            !text.contains(secret),
            "{generator}: {secret} leaked into the page"
        );
    }
    for hostile in HOSTILE {
        for shown in [
            format!("Body {hostile}"),
            format!("code {hostile}"),
            format!("Room {hostile}"),
        ] {
            assert!(
                text.contains(&shown),
                "{generator}: {shown:?} is not shown as typed"
            );
        }
    }
    assert!(
        !html.contains("href=\"javascript:"),
        "{generator}: a javascript: link was written"
    );
}

/// A minimal site: each file with its text (folders made as needed).
fn write_site(site: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = site.join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("site folder");
        std::fs::write(&path, text).expect("site file");
    }
}

fn run(command: &mut Command, what: &str) {
    let output = command.output().expect("the generator runs");
    assert!(
        output.status.success(),
        "{what} failed:\n{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Builds a Jekyll site with its drafts and returns the post's page.
fn build_jekyll_drafts(site: &Path) -> String {
    run(
        Command::new("jekyll")
            .args(["build", "--drafts", "--quiet", "-s"])
            .arg(site)
            .arg("-d")
            .arg(site.join("_site")),
        "jekyll build",
    );
    find_page(&site.join("_site"), "")
}

/// Builds a Hugo site with its drafts and returns the post's page.
fn build_hugo_drafts(site: &Path) -> String {
    run(
        Command::new("hugo")
            .args(["--buildDrafts", "--quiet", "--source"])
            .arg(site)
            .arg("--destination")
            .arg(site.join("public")),
        "hugo",
    );
    find_page(&site.join("public/posts"), "index.html")
}

/// The deepest page named `name` (any HTML page when `name` is empty): the post's own page,
/// not a list page above it.
fn find_page(root: &Path, name: &str) -> String {
    let mut stack = vec![root.to_path_buf()];
    let mut found: Vec<std::path::PathBuf> = Vec::new();
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("site folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.file_name().is_some_and(|n| n == name)
                || (name.is_empty() && path.extension().is_some_and(|e| e == "html"))
            {
                found.push(path);
            }
        }
    }
    let page = found
        .into_iter()
        .max_by_key(|path| path.components().count())
        .unwrap_or_else(|| panic!("no {name:?} page under {}", root.display()));
    std::fs::read_to_string(&page).expect("page")
}

#[test]
fn jekyll_builds_the_post_and_runs_none_of_its_text() {
    if !generator_available("jekyll") {
        return;
    }
    let mut journal = TempJournal::new();
    let trip = hostile_trip(&mut journal);
    let site = journal.dir.path().join("jekyll-site");
    write_site(
        &site,
        &[
            (
                "_config.yml",
                "title: Test\nsecret_token: SECRET-JEKYLL-TOKEN\n",
            ),
            (
                "_layouts/post.html",
                "<html><body><h1>{{ page.title }}</h1>{{ content }}</body></html>\n",
            ),
            ("_includes/secret.html", "SECRET-INCLUDE-TEXT\n"),
        ],
    );
    export_into(&journal, trip, &site, Layout::Jekyll);
    let html = build_jekyll_drafts(&site);
    assert_page_is_safe(&html, "jekyll");
    assert!(
        html.contains("/assets/images/"),
        "the photo's link went through Liquid"
    );
}

#[test]
fn hugo_builds_the_post_and_runs_none_of_its_shortcodes() {
    if !generator_available("hugo") {
        return;
    }
    let mut journal = TempJournal::new();
    let trip = hostile_trip(&mut journal);
    let site = journal.dir.path().join("hugo-site");
    write_site(
        &site,
        &[
            (
                "config.toml",
                "baseURL = \"http://example.org/\"\ntitle = \"Test\"\n[params]\napikey = \"SECRET-HUGO-KEY\"\n",
            ),
            (
                "layouts/_default/single.html",
                "<html><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n",
            ),
            (
                "layouts/_default/list.html",
                "{{ range .Pages }}{{ .Title }}{{ end }}\n",
            ),
        ],
    );
    export_into(&journal, trip, &site, Layout::Hugo);
    let html = build_hugo_drafts(&site);
    assert_page_is_safe(&html, "hugo");
}

/// A published trip that starts on 13 November 2018 in Berlin, exported into `site`.
fn publish_berlin_trip(site: &Path, layout: Layout) {
    let journal = TempJournal::new();
    let mut fields = TripFields::named("Berlin Summit 2018");
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    fields.end_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 15);
    let trip = journal.store.create_trip(&fields).expect("trip");
    let at = Utc
        .with_ymd_and_hms(2018, 11, 13, 8, 0, 0)
        .single()
        .expect("time");
    let entry = EntryFields::new(EntryKind::Note, "Arrived", at);
    journal.store.create_entry(trip, &entry).expect("entry");
    let mut options = ExportOptions::new(site, layout);
    options.publish = true;
    export_trip(&journal.store, trip, &options).expect("export");
}

/// Site time zones from far west to far east, and none at all.
const SITE_ZONES: [Option<&str>; 5] = [
    None,
    Some("UTC"),
    Some("America/Los_Angeles"),
    Some("Pacific/Auckland"),
    Some("Asia/Shanghai"),
];

#[test]
fn the_jekyll_url_shows_the_trips_first_day_in_every_site_time_zone() {
    if !generator_available("jekyll") {
        return;
    }
    for zone in SITE_ZONES {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let config = match zone {
            Some(zone) => format!("title: Test\ntimezone: {zone}\n"),
            None => "title: Test\n".to_string(),
        };
        write_site(
            &site,
            &[
                ("_config.yml", config.as_str()),
                (
                    "_layouts/post.html",
                    "<html><body>{{ content }}</body></html>\n",
                ),
            ],
        );
        publish_berlin_trip(&site, Layout::Jekyll);
        // Without a site zone Jekyll uses the machine's: make it one far west of Berlin.
        run(
            Command::new("jekyll")
                .env("TZ", "America/Los_Angeles")
                .args(["build", "--quiet", "-s"])
                .arg(&site)
                .arg("-d")
                .arg(site.join("_site")),
            "jekyll build",
        );
        let page = site.join("_site/travel/2018/11/13/berlin-summit-2018.html");
        assert!(
            page.is_file(),
            "site zone {zone:?}: no {}; the site has {:?}",
            page.display(),
            list_files(&site.join("_site"))
        );
    }
}

#[test]
fn the_hugo_date_is_the_trips_first_day_in_every_site_time_zone() {
    if !generator_available("hugo") {
        return;
    }
    for zone in SITE_ZONES {
        let dir = tempfile::tempdir().expect("temp dir");
        let site = dir.path().join("site");
        let mut config = "baseURL = \"http://example.org/\"\ntitle = \"Test\"\n".to_string();
        if let Some(zone) = zone {
            config.push_str(&format!("timeZone = \"{zone}\"\n"));
        }
        write_site(
            &site,
            &[
                ("config.toml", config.as_str()),
                (
                    "layouts/_default/single.html",
                    "<html><body><p id=\"date\">{{ .Date.Format \"2006-01-02\" }}</p></body></html>\n",
                ),
                (
                    "layouts/_default/list.html",
                    "{{ range .Pages }}{{ .Title }}{{ end }}\n",
                ),
            ],
        );
        publish_berlin_trip(&site, Layout::Hugo);
        run(
            Command::new("hugo")
                .env("TZ", "America/Los_Angeles")
                .args(["--quiet", "--source"])
                .arg(&site)
                .arg("--destination")
                .arg(site.join("public")),
            "hugo",
        );
        let html = find_page(&site.join("public/posts"), "index.html");
        assert!(
            html.contains("<p id=\"date\">2018-11-13</p>"),
            "site zone {zone:?}: {html}"
        );
    }
}

/// Every file under `root`, relative, for failure messages.
fn list_files(root: &Path) -> Vec<String> {
    let mut stack = vec![root.to_path_buf()];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(relative) = path.strip_prefix(root) {
                files.push(relative.display().to_string());
            }
        }
    }
    files
}

/// A conference trip from the pretalx fixture with two starred talks made into sessions,
/// exported with "Talks I attended" into `site`.
fn export_conference_trip(journal: &Path, site: &Path, layout: &str) {
    let schedule = fixture("schedules/pretalx.xml");
    let schedule = schedule.to_str().expect("path");
    let trip = cli_ok(journal, &["trip", "new", "--schedule", schedule]);
    let trip = trip.lines().next().expect("trip id").to_string();
    for item in ["1", "3"] {
        cli_ok(journal, &["schedule", "star", item]);
        cli_ok(
            journal,
            &["entry", "add", "--trip", &trip, "--from-schedule", item],
        );
    }
    let site = site.to_str().expect("path");
    let args = ["--layout", layout, "--out", site, "--talks-attended"];
    cli_ok(
        journal,
        &[&["export", "--trip", &trip][..], &args[..]].concat(),
    );
}

/// Every link of a page as (target, text).
fn page_links(html: &str) -> Vec<(String, String)> {
    html.split("<a href=\"")
        .skip(1)
        .filter_map(|rest| {
            let (target, rest) = rest.split_once('"')?;
            let text = rest.split_once('>')?.1.split_once("</a>")?.0;
            Some((target.to_string(), page_text(text)))
        })
        .collect()
}

#[test]
fn talk_pages_and_talks_attended_are_links_in_both_generators() {
    let talk = "https://pretalx.example.org/rustfest24/talk/ABC123/";
    for (generator, layout) in [("jekyll", "jekyll"), ("hugo", "hugo")] {
        if !generator_available(generator) {
            continue;
        }
        let journal = TempJournal::new();
        let site = journal.dir.path().join("site");
        let layouts: &[(&str, &str)] = match layout {
            "jekyll" => &[
                ("_config.yml", "title: Test\n"),
                (
                    "_layouts/post.html",
                    "<html><body>{{ content }}</body></html>\n",
                ),
            ],
            _ => &[
                (
                    "config.toml",
                    "baseURL = \"http://example.org/\"\ntitle = \"T\"\n",
                ),
                (
                    "layouts/_default/single.html",
                    "<html><body>{{ .Content }}</body></html>\n",
                ),
                (
                    "layouts/_default/list.html",
                    "{{ range .Pages }}{{ .Title }}{{ end }}\n",
                ),
            ],
        };
        write_site(&site, layouts);
        export_conference_trip(&journal.path(), &site, layout);
        let html = match layout {
            "jekyll" => build_jekyll_drafts(&site),
            _ => build_hugo_drafts(&site),
        };
        let links = page_links(&html);
        let to_talk: Vec<&str> = links
            .iter()
            .filter(|(target, _)| target == talk)
            .map(|(_, text)| text.as_str())
            .collect();
        assert_eq!(to_talk.len(), 2, "{generator}: {links:?}");
        assert!(to_talk.contains(&talk), "{generator}: the Talk page line");
        assert!(
            to_talk.iter().any(|text| text.contains("in practice")),
            "{generator}: the talk's title in Talks I attended: {to_talk:?}"
        );
        assert!(
            links
                .iter()
                .any(|(target, text)| target.ends_with("/talk/DEF456/")
                    && text == "用 Rust 写操作系统"),
            "{generator}: {links:?}"
        );
        assert!(page_text(&html).contains("Talks I attended"), "{generator}");
    }
}

#[test]
fn the_shipped_hugo_render_hook_gives_the_bundle_photos_a_srcset() {
    if !generator_available("hugo") {
        return;
    }
    let mut journal = TempJournal::new();
    let trip = tripjournal::demo::create_demo_trip(&mut journal.store).expect("demo");
    let site = journal.dir.path().join("hugo-sizes");
    let hook = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/hugo/render-image.html"),
    )
    .expect("the example hook");
    write_site(
        &site,
        &[
            (
                "config.toml",
                "baseURL = \"http://example.org/\"\ntitle = \"Test\"\n",
            ),
            (
                "layouts/_default/single.html",
                "<html><body>{{ .Content }}</body></html>\n",
            ),
            (
                "layouts/_default/list.html",
                "{{ range .Pages }}{{ .Title }}{{ end }}\n",
            ),
            ("layouts/_default/_markup/render-image.html", hook.as_str()),
        ],
    );
    let mut options = ExportOptions::new(&site, Layout::Hugo);
    options.sizes = vec![800, 1600];
    let report = export_trip(&journal.store, trip, &options).expect("export");
    assert_eq!(
        report.images.len(),
        8,
        "Hugo's bundle keeps one file per photo"
    );
    let html = build_hugo_drafts(&site);
    let tags: Vec<&str> = html.split("<img ").skip(1).collect();
    assert_eq!(tags.len(), 8, "{html}");
    for (index, tag) in tags.iter().enumerate() {
        assert!(
            tag.contains(" 800w, "),
            "a smaller file in the srcset: {tag}"
        );
        assert!(tag.contains("width=\"960\" height=\"640\""), "{tag}");
        assert_eq!(tag.contains("loading=\"lazy\""), index > 0, "{tag}");
        let small = tag
            .split("srcset=\"")
            .nth(1)
            .and_then(|rest| rest.split(' ').next())
            .expect("the small file");
        let file = site.join("public").join(small.trim_start_matches('/'));
        assert!(file.is_file(), "{}", file.display());
    }
}

/// minima's post header, as the theme writes it: the date and the author from the front
/// matter (minima itself is a Ruby gem, not packaged by Debian).
const MINIMA_LIKE_POST: &str = "<html><body><article><header><h1>{{ page.title }}</h1>\
<p class=\"post-meta\"><time>{{ page.date | date: \"%b %-d, %Y\" }}</time> • \
<span>{{ page.author }}</span></p></header>{{ content }}</article></body></html>\n";

#[test]
fn under_a_theme_that_prints_date_and_author_each_shows_once() {
    if !generator_available("jekyll") {
        return;
    }
    let mut journal = TempJournal::new();
    let trip = tripjournal::demo::create_demo_trip(&mut journal.store).expect("demo");
    let site = journal.dir.path().join("themed");
    write_site(
        &site,
        &[
            ("_config.yml", "title: Test\n"),
            ("_layouts/post.html", MINIMA_LIKE_POST),
        ],
    );
    export_into(&journal, trip, &site, Layout::Jekyll);
    let text = page_text(&build_jekyll_drafts(&site));
    // The author shows in the theme's header; elsewhere only as a speaker of a talk.
    assert!(text.contains("<span>Demo Author</span>"), "{text}");
    assert!(
        !text.contains("· Demo Author"),
        "no byline naming the author: {text}"
    );
    assert_eq!(text.matches("Nov 12, 2018").count(), 1, "{text}");
    assert!(
        !text.contains("2018-11-12 – 2018-11-16"),
        "no byline of dates: {text}"
    );
}

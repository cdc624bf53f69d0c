use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::channel;

use pulldown_cmark::{Event, Parser, Tag};
use tripjournal::demo::create_demo_trip;
use tripjournal::export::{
    ExportError, ExportEvent, ExportOptions, Layout, Order, export_trip, export_trip_with,
};
use tripjournal::model::{EntryFields, EntryKind, PostLanguage, TripFields, TripId};
use tripjournal::photos::{ImportRequest, import_files, read_exif};
use tripjournal::store::{PhotoBytes, Store};

use crate::util::{
    TempJournal, cli_ok, cli_run, fixture, front_matter, stderr, stdout, yaml_strings,
};

fn demo_journal() -> (TempJournal, TripId) {
    let mut journal = TempJournal::new();
    let trip = create_demo_trip(&mut journal.store).expect("demo trip");
    (journal, trip)
}

/// Every file under a folder with its bytes, keyed by path relative to it.
fn tree(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, files: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("readable folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, files);
            } else {
                let bytes = std::fs::read(&path).expect("readable file");
                files.insert(
                    path.strip_prefix(root).expect("inside").to_path_buf(),
                    bytes,
                );
            }
        }
    }
    let mut files = BTreeMap::new();
    if root.exists() {
        walk(root, root, &mut files);
    }
    files
}

/// The image destinations of a Markdown post, resolved to files for its layout.
fn image_files(markdown: &str, post: &Path, out: &Path, layout: Layout) -> Vec<PathBuf> {
    // Jekyll runs Liquid before Markdown: `{{ "/x.jpg" | relative_url }}` becomes `/x.jpg`
    // on a site without a baseurl.
    let markdown = if layout == Layout::Jekyll {
        let mut rendered = String::new();
        let mut rest = markdown;
        while let Some(start) = rest.find("{{ \"") {
            rendered.push_str(&rest[..start]);
            let after = &rest[start + 4..];
            let end = after
                .find("\" | relative_url }}")
                .expect("a relative_url link");
            rendered.push_str(&after[..end]);
            rest = &after[end + "\" | relative_url }}".len()..];
        }
        rendered.push_str(rest);
        rendered
    } else {
        markdown.to_string()
    };
    let mut targets = Vec::new();
    for event in Parser::new(&markdown) {
        if let Event::Start(Tag::Image { dest_url, .. }) = event {
            let link = dest_url.to_string();
            let path = match layout {
                Layout::Jekyll => {
                    let inner = link.strip_prefix('/').unwrap_or_else(|| {
                        panic!("jekyll image links start at the site root: {link}")
                    });
                    out.join(inner)
                }
                _ => {
                    assert!(
                        !link.contains("..") && !link.starts_with('/'),
                        "relative link: {link}"
                    );
                    post.parent().expect("post folder").join(&link)
                }
            };
            targets.push(path);
        }
    }
    targets
}

/// `demo-<layout>-<order>.md` for English, `demo-<lang>-<layout>-<order>.md` for the others.
fn golden_path(language: PostLanguage, layout: Layout, order: Order) -> PathBuf {
    let prefix = match language {
        PostLanguage::English => "demo".to_string(),
        other => format!("demo-{}", other.code()),
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!(
            "{prefix}-{}-{}.md",
            layout.as_str(),
            order.as_str()
        ))
}

#[test]
fn demo_trip_matches_golden_posts_and_every_image_link_resolves() {
    let (journal, trip) = demo_journal();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let cases = PostLanguage::ALL.into_iter().flat_map(|language| {
        [Layout::Plain, Layout::Jekyll, Layout::Hugo]
            .into_iter()
            .flat_map(move |layout| {
                [Order::Day, Order::Kind, Order::Section]
                    .into_iter()
                    .map(move |order| (language, layout, order))
            })
    });
    for (language, layout, order) in cases {
        {
            let out = journal.dir.path().join(format!(
                "out-{}-{}-{}",
                language.code(),
                layout.as_str(),
                order.as_str()
            ));
            let mut options = ExportOptions::new(&out, layout);
            options.order = order;
            options.language = Some(language);
            let report = export_trip(&journal.store, trip, &options).expect("export");
            let markdown = std::fs::read_to_string(&report.post).expect("post");

            let golden = golden_path(language, layout, order);
            if update {
                std::fs::create_dir_all(golden.parent().expect("folder")).expect("golden folder");
                std::fs::write(&golden, &markdown).expect("golden written");
            }
            let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
                panic!(
                    "golden file missing: {} (UPDATE_GOLDEN=1)",
                    golden.display()
                )
            });
            assert!(
                markdown == expected,
                "{language:?}/{layout:?}/{order:?} differs from {}",
                golden.display()
            );

            let links = image_files(
                &markdown,
                &report.post,
                &std::fs::canonicalize(&out).expect("out"),
                layout,
            );
            assert_eq!(
                links.len(),
                report.images.len(),
                "{layout:?}/{order:?}: one link per written image"
            );
            assert!(links.len() >= 8, "the demo's photos are all in the post");
            for link in &links {
                assert!(
                    link.is_file(),
                    "{layout:?}/{order:?}: image link does not resolve: {}",
                    link.display()
                );
            }
        }
    }
}

#[test]
fn layouts_put_files_where_blogs_expect_them() {
    let (journal, trip) = demo_journal();
    let out = journal.dir.path().join("blog");
    let cases = [
        (
            Layout::Plain,
            false,
            "openstack-bo-lin-feng-hui-berlin-summit-2018.md",
        ),
        (
            Layout::Jekyll,
            false,
            "_drafts/openstack-bo-lin-feng-hui-berlin-summit-2018.md",
        ),
        (
            Layout::Jekyll,
            true,
            "_posts/2018-11-12-openstack-bo-lin-feng-hui-berlin-summit-2018.md",
        ),
        (
            Layout::Hugo,
            false,
            "content/posts/openstack-bo-lin-feng-hui-berlin-summit-2018/index.md",
        ),
    ];
    for (layout, publish, expected) in cases {
        let mut options = ExportOptions::new(&out, layout);
        options.publish = publish;
        let report = export_trip(&journal.store, trip, &options).expect("export");
        assert_eq!(
            report.post,
            std::fs::canonicalize(&out).expect("out").join(expected)
        );
        let text = std::fs::read_to_string(&report.post).expect("post");
        if layout == Layout::Hugo {
            assert!(
                text.contains("\ndraft: true\n"),
                "a Hugo draft unless --publish"
            );
        }
    }
}

#[test]
fn hostile_titles_give_valid_front_matter_and_stay_inside_the_output_folder() {
    let hostile = [
        "Berlin: the \"best\" #1 trip",
        "- starts like a list",
        "[starts] like a sequence",
        "{starts: like a map}",
        "two\nlines\r\nand a tab\there",
        "../../../etc/passwd",
        "..\\..\\windows\\system32",
        "a/b/c",
        "nul\0byte",
        "CON",
        "柏林峰会",
        "🍖🍺",
        "'single' and `back` quotes & *stars* | pipes {{ liquid }} {% tag %}",
        "yes",
        "null",
        "123",
        &"很长的标题 very long title ".repeat(25),
    ];
    let journal = TempJournal::new();
    let root = journal.dir.path().join("sandbox");
    let out = root.join("out");
    for (index, title) in hostile.iter().enumerate() {
        let mut fields = TripFields::named(title);
        fields.author = format!("Author: {title}");
        fields.city = title.to_string();
        fields.tags = vec![title.to_string(), "- dash".into(), "#hash".into()];
        fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 1 + index as u32);
        let trip = journal.store.create_trip(&fields).expect("trip");
        let at = chrono::Utc::now();
        let mut entry = EntryFields::new(EntryKind::Note, title, at);
        entry.section = Some(title.to_string());
        journal.store.create_entry(trip, &entry).expect("entry");
        for layout in [Layout::Jekyll, Layout::Hugo] {
            let mut options = ExportOptions::new(&out, layout);
            options.order = Order::Section;
            let report = export_trip(&journal.store, trip, &options)
                .unwrap_or_else(|e| panic!("{title:?}: {e}"));
            let text = std::fs::read_to_string(&report.post).expect("post");
            let yaml = front_matter(&text);
            assert_eq!(
                yaml["title"].as_str(),
                Some(title.trim()),
                "{layout:?}: title round trip"
            );
            assert_eq!(yaml["author"].as_str(), Some(fields.author.as_str()));
            assert_eq!(yaml["city"].as_str(), Some(*title));
            let tags: Vec<&str> = yaml_strings(&yaml["tags"]);
            assert_eq!(tags, vec![*title, "- dash", "#hash"]);
            if layout == Layout::Jekyll && title.contains("{{") {
                assert!(
                    text.contains("{{ \"{\" }}"),
                    "Liquid in user text is protected"
                );
            }
            let file_name = report
                .post
                .file_name()
                .and_then(|n| n.to_str())
                .expect("ASCII name");
            assert!(file_name.is_ascii() && file_name.len() <= 80, "{file_name}");
        }
    }
    // Nothing was written next to the output folder.
    let siblings: Vec<_> = std::fs::read_dir(&root)
        .expect("root")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(siblings, vec![std::ffi::OsString::from("out")]);
    for path in tree(&out).keys() {
        assert!(
            path.components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
        );
        assert!(
            path.to_str().is_some_and(str::is_ascii),
            "non-ASCII file name {}",
            path.display()
        );
    }
}

#[test]
fn exporting_twice_gives_identical_files() {
    let (journal, trip) = demo_journal();
    // One folder per layout: a trip exported into a folder replaces its earlier export there.
    let first = journal.dir.path().join("first");
    let second = journal.dir.path().join("second");
    for layout in [Layout::Jekyll, Layout::Hugo, Layout::Plain] {
        let (one, two) = (first.join(layout.as_str()), second.join(layout.as_str()));
        export_trip(&journal.store, trip, &ExportOptions::new(&one, layout)).expect("export");
        export_trip(&journal.store, trip, &ExportOptions::new(&two, layout)).expect("export");
        assert_eq!(
            tree(&one),
            tree(&two),
            "{layout:?}: two exports of the same trip are byte-identical"
        );
    }
    let first = first.join("plain");
    let before = tree(&first);
    let report = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&first, Layout::Plain),
    )
    .expect("again");
    assert!(report.unchanged);
    assert_eq!(
        before,
        tree(&first),
        "re-exporting over itself changes nothing"
    );
}

#[test]
fn an_edited_post_is_not_overwritten_unless_forced() {
    let (journal, trip) = demo_journal();
    let out = journal.dir.path().join("blog");
    let report = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&out, Layout::Plain),
    )
    .expect("export");
    // Unedited: a re-export after a change in the journal overwrites it.
    let entries = journal.store.entries(trip).expect("entries");
    let mut changed = entries[0].fields.clone();
    changed.title = "Changed title".into();
    journal
        .store
        .update_entry(entries[0].id, &changed)
        .expect("update");
    export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&out, Layout::Plain),
    )
    .expect("unedited post is replaced");
    assert!(
        std::fs::read_to_string(&report.post)
            .expect("post")
            .contains("Changed title")
    );

    // Edited by the user: refused, and the edit survives.
    let edited = std::fs::read_to_string(&report.post).expect("post") + "\nMy own closing words.\n";
    std::fs::write(&report.post, &edited).expect("edit");
    changed.title = "Changed again".into();
    journal
        .store
        .update_entry(entries[0].id, &changed)
        .expect("update");
    match export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&out, Layout::Plain),
    ) {
        Err(ExportError::WouldReplace(files)) => {
            assert_eq!(files.len(), 1, "{files:?}");
            assert_eq!(files[0].path, report.post);
        }
        other => panic!("expected the edited post to be refused, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&report.post).expect("post"), edited);

    let mut forced = ExportOptions::new(&out, Layout::Plain);
    forced.force = true;
    export_trip(&journal.store, trip, &forced).expect("forced export");
    assert!(
        std::fs::read_to_string(&report.post)
            .expect("post")
            .contains("Changed again")
    );
}

#[test]
fn a_failure_midway_leaves_nothing_behind() {
    let (journal, trip) = demo_journal();
    let out = journal.dir.path().join("blog");
    std::fs::create_dir_all(out.join("_posts")).expect("blog");
    std::fs::write(out.join("_posts/existing.md"), "someone else's post").expect("write");
    let before = tree(&out);

    // Cancelled: nothing is written, and the progress channel saw no finish.
    let cancel = AtomicBool::new(true);
    let (sender, events) = channel();
    let options = ExportOptions::new(&out, Layout::Jekyll);
    let result = export_trip_with(&journal.store, trip, &options, &cancel, Some(&sender));
    drop(sender);
    assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
    assert!(
        !events
            .iter()
            .any(|event| matches!(event, ExportEvent::Finished { .. }))
    );
    assert_eq!(
        tree(&out),
        before,
        "a cancelled export leaves the blog as it was"
    );

    // A photo whose stored preview is damaged fails the export after earlier images were
    // made; nothing is half-written.
    let photo = journal.store.photos(trip).expect("photos")[3].id;
    journal
        .store
        .connection()
        .execute(
            "UPDATE photo_data SET preview = x'FFD8FF00' WHERE photo_id = ?1",
            [photo.0],
        )
        .expect("damage");
    let mut small = ExportOptions::new(&out, Layout::Jekyll);
    small.max_width = 300;
    let result = export_trip(&journal.store, trip, &small);
    assert!(
        matches!(result, Err(ExportError::Photo { .. })),
        "{result:?}"
    );
    assert_eq!(
        tree(&out),
        before,
        "a failed export leaves the blog as it was"
    );

    // A broken user template fails before anything is written.
    let mut templated = ExportOptions::new(&out, Layout::Jekyll);
    templated.template = Some("{% for x in %}".into());
    assert!(matches!(
        export_trip(&journal.store, trip, &templated),
        Err(ExportError::Template(_))
    ));
    assert_eq!(tree(&out), before);
}

#[test]
fn exported_images_are_upright_bounded_and_carry_no_metadata() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let entry = journal
        .store
        .create_entry(
            trip,
            &EntryFields::new(EntryKind::Note, "Photos", chrono::Utc::now()),
        )
        .expect("entry");
    let mut request =
        ImportRequest::new(trip, vec![fixture("orient6_gps.jpg"), fixture("alpha.png")]);
    request.entry = Some(entry);
    import_files(&mut journal.store, &request, &AtomicBool::new(false), None).expect("import");

    let out = journal.dir.path().join("out");
    let mut options = ExportOptions::new(&out, Layout::Hugo);
    options.max_width = 100;
    let report = export_trip(&journal.store, trip, &options).expect("export");
    assert_eq!(report.images.len(), 2);
    let jpeg = &report.images[0];
    assert_eq!(jpeg.extension().and_then(|e| e.to_str()), Some("jpg"));
    let bytes = std::fs::read(jpeg).expect("image");
    let image = image::load_from_memory(&bytes).expect("decodes").to_rgb8();
    assert_eq!(
        image.dimensions(),
        (75, 100),
        "upright (portrait) and within --max-width"
    );
    let top_right = image.get_pixel(70, 5);
    assert!(
        top_right[0] > 200 && top_right[1] < 80,
        "upright: the red block is at the top right"
    );
    assert_eq!(read_exif(&bytes), Default::default(), "no EXIF at all");

    let png = &report.images[1];
    assert_eq!(
        png.extension().and_then(|e| e.to_str()),
        Some("png"),
        "transparency stays PNG"
    );
    let png_image = image::open(png).expect("png").to_rgba8();
    assert_eq!(png_image.get_pixel(1, 1)[3], 0, "transparent corner kept");

    // Never upscaled.
    let mut big = ExportOptions::new(journal.dir.path().join("big"), Layout::Hugo);
    big.max_width = 5000;
    let report = export_trip(&journal.store, trip, &big).expect("export");
    let image = image::open(&report.images[0]).expect("decodes");
    assert_eq!((image.width(), image.height()), (120, 160));

    // --keep-gps keeps the position and nothing else.
    let mut gps = ExportOptions::new(journal.dir.path().join("gps"), Layout::Hugo);
    gps.keep_gps = true;
    let report = export_trip(&journal.store, trip, &gps).expect("export");
    let exif = read_exif(&std::fs::read(&report.images[0]).expect("image"));
    let position = exif.gps.expect("GPS kept on request");
    assert!((position.latitude - 52.5).abs() < 1e-3 && (position.longitude - 13.274).abs() < 1e-3);
    assert_eq!(exif.camera_model, None);
    assert_eq!(exif.taken_at, None);
    assert_eq!(exif.orientation, None);
}

#[test]
fn the_stored_preview_is_reused_when_large_enough() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let mut picture = image::RgbImage::new(2000, 1500);
    for (x, y, pixel) in picture.enumerate_pixels_mut() {
        *pixel = image::Rgb([(x % 256) as u8, (y % 256) as u8, 90]);
    }
    let path = journal.dir.path().join("big.png");
    picture.save(&path).expect("save");
    import_files(
        &mut journal.store,
        &ImportRequest::new(trip, vec![path]),
        &AtomicBool::new(false),
        None,
    )
    .expect("import");
    let photo = journal.store.photos(trip).expect("photos")[0].id;
    let report = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(journal.dir.path().join("o"), Layout::Plain),
    )
    .expect("export");
    let exported = std::fs::read(&report.images[0]).expect("image");
    assert_eq!(
        exported,
        journal
            .store
            .photo_bytes(photo, PhotoBytes::Preview)
            .expect("preview")
    );
}

#[test]
fn a_user_template_renders_the_documented_context() {
    let (journal, trip) = demo_journal();
    let template = "# {{ title | md }}\n{% for group in groups %}{% for entry in group.entries %}\
                    - {{ entry.kind }} {{ entry.title | md }}{% if entry.rating %} {{ entry.rating.stars }}{% endif %}\n\
                    {% endfor %}{% endfor %}{% for row in food_ratings %}{{ row.rank }}={{ row.dish }}\n{% endfor %}";
    let mut options = ExportOptions::new(journal.dir.path().join("custom"), Layout::Plain);
    options.template = Some(template.into());
    let report = export_trip(&journal.store, trip, &options).expect("export");
    let text = std::fs::read_to_string(report.post).expect("post");
    assert!(
        text.starts_with("# OpenStack 柏林峰会 · Berlin Summit 2018\n"),
        "{text}"
    );
    assert!(text.contains("- rating 柏林肘子 No.1 ★★★★½"), "{text}");
    assert!(text.contains("1=Schweinshaxe"), "{text}");
}

#[test]
fn the_cli_exports_and_prints_the_post_last() {
    let (journal, trip) = demo_journal();
    let TempJournal { dir, store } = journal;
    drop(store);
    let journal_path = dir.path().join("journal.sqlite");
    let out = dir.path().join("site");
    let trip_text = trip.to_string();
    let out_text = out.to_str().expect("UTF-8 path").to_string();
    let export = |layout: &str| {
        cli_run(
            &journal_path,
            &[
                "export", "--trip", &trip_text, "--layout", layout, "--order", "section", "--out",
                &out_text,
            ],
        )
    };
    let output = export("hugo");
    assert!(output.status.success(), "{}", stderr(&output));
    let stdout = stdout(&output);
    let last = stdout.lines().last().expect("output");
    assert!(
        last.ends_with("index.md") && Path::new(last).is_file(),
        "{stdout}"
    );

    // Edited post: one error line, exit 1; a bad layout: exit 2.
    std::fs::write(last, "edited").expect("edit");
    let again = export("hugo");
    assert_eq!(again.status.code(), Some(1));
    let err = stderr(&again);
    assert!(
        err.starts_with("error: ")
            && err.contains("--force")
            && err.trim_end().lines().count() == 1,
        "{err}"
    );
    let bad = export("wordpress");
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_trip_that_is_missing_is_an_error() {
    let journal = TempJournal::new();
    let result = export_trip(
        &journal.store,
        TripId(42),
        &ExportOptions::new(journal.dir.path(), Layout::Plain),
    );
    assert!(result.is_err());
    let _: &Store = &journal.store;
}

/// The Chinese trip: sections with their own numerals, sessions titled "1. …".
fn chinese_trip(journal: &TempJournal) -> TripId {
    let mut fields = TripFields::named("OpenStack柏林峰会 观感");
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    let trip = journal.store.create_trip(&fields).expect("trip");
    for (hour, title, section) in [
        (9, "1. OpenStack的野心", "一、社区在发展"),
        (10, "2. 边缘计算", "一、社区在发展"),
        (11, "Keynote", "一、社区在发展"),
        (12, "总结", "三、总结"),
    ] {
        let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2018, 11, 13, hour, 0, 0)
            .single()
            .expect("time");
        let mut entry = EntryFields::new(EntryKind::Session, title, at);
        entry.section = Some(section.into());
        journal.store.create_entry(trip, &entry).expect("entry");
    }
    trip
}

#[test]
fn a_title_with_its_own_number_is_not_numbered_again_and_numbering_can_be_off() {
    let journal = TempJournal::new();
    let trip = chinese_trip(&journal);
    let out = journal.dir.path().join("blog");
    let post = |numbering: &str| {
        let output = cli_run(
            &journal.path(),
            &[
                "export",
                "--trip",
                &trip.0.to_string(),
                "--layout",
                "plain",
                "--out",
                out.to_str().expect("utf-8"),
                "--numbering",
                numbering,
                "--force",
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        std::fs::read_to_string(out.join("openstack-bo-lin-feng-hui-guan-gan.md"))
            .expect("the post, named with words kept apart")
    };
    let numbered = post("section");
    for heading in [
        "\n### 1. OpenStack的野心\n",
        "\n### 2. 边缘计算\n",
        "\n### 3. Keynote\n",
        "\n## 一、社区在发展\n",
    ] {
        assert!(numbered.contains(heading), "{heading:?} in:\n{numbered}");
    }
    assert!(
        !numbered.contains("1\\."),
        "no escaped second number:\n{numbered}"
    );
    let plain = post("none");
    assert!(plain.contains("\n### Keynote\n"), "{plain}");
    assert!(plain.contains("\n### 1. OpenStack的野心\n"), "{plain}");
}

/// A trip written in Chinese with every kind and field the post labels: a talk given with a
/// link, notes and takeaways, a lunch with dishes and a price, a rated dish with sub-ratings,
/// photos in an entry and in the gallery.
fn all_chinese_trip(journal: &mut TempJournal) -> TripId {
    use tripjournal::model::{EntryContent, MealType, Money, Rating, SessionRole};
    let mut fields = TripFields::named("柏林峰会观感");
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    fields.end_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 15);
    fields.author = "王五".into();
    fields.city = "柏林".into();
    fields.country = "德国".into();
    let trip = journal.store.create_trip(&fields).expect("trip");
    let at = |hour| {
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2018, 11, 13, hour, 0, 0)
            .single()
            .expect("time")
    };
    let rating = |half| Rating::from_half_stars(half).ok();
    let mut talk = EntryFields::new(EntryKind::Session, "我的演讲：高可用", at(8));
    talk.section = Some("一、社区在发展".into());
    talk.body = "很紧张。".into();
    if let EntryContent::Session(s) = &mut talk.content {
        s.speakers = vec!["王五".into()];
        s.room = "七号厅".into();
        s.track = "高可用".into();
        s.duration_min = Some(40);
        s.role = SessionRole::Speaker;
        s.link = Some("https://example.com/ha.pdf".into());
        s.notes = "问题很多。".into();
        s.takeaways = "要多练习。".into();
        s.usefulness = rating(8);
    }
    let mut lunch = EntryFields::new(EntryKind::Meal, "午饭", at(11));
    if let EntryContent::Meal(m) = &mut lunch.content {
        m.meal_type = Some(MealType::Lunch);
        m.venue = "会场".into();
        m.dishes = vec!["面包".into()];
        m.price = Money::parse("0", "EUR").ok();
        m.rating = rating(3);
    }
    let mut knuckle = EntryFields::new(EntryKind::FoodRating, "柏林肘子", at(18));
    if let EntryContent::FoodRating(f) = &mut knuckle.content {
        f.dish = "肘子".into();
        f.venue = "老店".into();
        f.overall = rating(9);
        f.sub_ratings.taste = rating(10);
        f.sub_ratings.value = rating(8);
        f.sub_ratings.service = rating(6);
        f.sub_ratings.atmosphere = rating(7);
        f.price = Money::parse("18.90", "EUR").ok();
        f.verdict = "外皮酥脆。".into();
    }
    let note = EntryFields::new(EntryKind::Note, "", at(20));
    let mut first = None;
    let mut last = None;
    for entry in [talk, lunch, knuckle, note] {
        let id = journal.store.create_entry(trip, &entry).expect("entry");
        first.get_or_insert(id);
        last = Some(id);
    }
    // The untitled note's photo is described in the post's language.
    let third = std::fs::read(fixture("grayscale.jpg")).expect("photo");
    tripjournal::photos::import_bytes(&mut journal.store, trip, last, "", "c.jpg", third)
        .expect("photo");
    let bytes = std::fs::read(fixture("plain.jpg")).expect("photo");
    tripjournal::photos::import_bytes(&mut journal.store, trip, first, "会场", "a.jpg", bytes)
        .expect("photo");
    let other = std::fs::read(fixture("second.jpg")).expect("photo");
    tripjournal::photos::import_bytes(&mut journal.store, trip, None, "", "b.jpg", other)
        .expect("photo");
    trip
}

#[test]
fn a_chinese_trip_gets_a_post_without_a_generated_english_word() {
    let mut journal = TempJournal::new();
    let trip = all_chinese_trip(&mut journal);
    let english = serde_json::to_value(tripjournal::export::words::words(PostLanguage::English))
        .expect("labels");
    let mut english_words: Vec<String> = Vec::new();
    let mut collect = |value: &serde_json::Value| {
        let mut stack = vec![value.clone()];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::String(text) => english_words.push(text.trim().to_string()),
                serde_json::Value::Array(items) => stack.extend(items),
                serde_json::Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
                _ => {}
            }
        }
    };
    collect(&english);
    english_words.retain(|word| word.len() >= 3 && word != "Day {n}" && word != "track");
    english_words.extend(["Day ", "November", "Tuesday", "Gallery", "own visit"].map(String::from));
    for layout in [Layout::Plain, Layout::Jekyll, Layout::Hugo] {
        for order in [Order::Day, Order::Kind, Order::Section] {
            let out = journal
                .dir
                .path()
                .join(format!("zh-{}-{}", layout.as_str(), order.as_str()));
            let mut options = ExportOptions::new(&out, layout);
            options.order = order;
            let report = export_trip(&journal.store, trip, &options).expect("export");
            let post = std::fs::read_to_string(&report.post).expect("post");
            // Links and front matter keys are not prose.
            let prose: String = post
                .lines()
                .filter(|line| {
                    !line.starts_with("![") && !line.contains(": \"") && !line.starts_with("date:")
                })
                .collect::<Vec<_>>()
                .join("\n");
            for word in &english_words {
                assert!(
                    !prose.contains(word.as_str()),
                    "{layout:?}/{order:?}: “{word}” in the Chinese post:\n{post}"
                );
            }
            assert!(post.contains("实用度") || order != Order::Section, "{post}");
            assert!(
                post.contains("![随笔]("),
                "the untitled note's photo:\n{post}"
            );
            if order == Order::Section {
                // Entries without a section come first (group 1); the talk is the first entry
                // of section 一 (group 2): its photo is 02-01-1-<caption>.
                assert!(post.contains("02-01-1-hui-chang.jpg"), "{post}");
            }
        }
    }
}

#[test]
fn the_cli_sets_the_posts_language_date_and_slug() {
    use crate::util::{cli_fails, cli_ok};
    let journal = TempJournal::new();
    let path = journal.path();
    let trip = cli_ok(
        &path,
        &[
            "trip",
            "new",
            "--name",
            "Gipfel 2018",
            "--start",
            "2018-11-13",
            "--tz",
            "Europe/Berlin",
            "--lang",
            "de",
        ],
    );
    let trip = trip.trim();
    let shown = cli_ok(&path, &["trip", "show", trip, "--json"]);
    assert!(shown.contains("\"post_language\": \"de\""), "{shown}");
    cli_ok(
        &path,
        &[
            "entry",
            "add",
            "--trip",
            trip,
            "--kind",
            "session",
            "--title",
            "Keynote",
            "--at",
            "2018-11-13 09:00",
        ],
    );
    let out = journal.dir.path().join("site");
    let out_text = out.to_str().expect("utf-8");
    let export = |extra: &[&str]| {
        let mut args = vec![
            "export", "--trip", trip, "--layout", "jekyll", "--out", out_text,
        ];
        args.extend_from_slice(extra);
        cli_ok(&path, &args);
    };
    export(&[
        "--publish",
        "--date",
        "2019-01-05",
        "--slug",
        "Mein Gipfel!",
    ]);
    let post = out.join("_posts/2019-01-05-mein-gipfel.md");
    let text = std::fs::read_to_string(&post).expect("the post under its date and slug");
    assert!(text.contains("date: \"2019-01-05 12:00:00\""), "{text}");
    assert!(
        text.contains("**Wann:**"),
        "German labels from the trip:\n{text}"
    );
    // The trip keeps its slug; --lang overrides the trip's language for one export.
    export(&["--publish", "--date", "2019-01-05", "--lang", "zh"]);
    let text = std::fs::read_to_string(&post).expect("same post");
    assert!(text.contains("**时间：**"), "{text}");
    // A new slug moves the post; the old file, written by the last export, goes.
    export(&["--publish", "--date", "2019-01-05", "--slug", "neu"]);
    assert!(out.join("_posts/2019-01-05-neu.md").is_file());
    assert!(!post.exists(), "the post under the old slug is removed");
    let error = cli_fails(
        &path,
        &[
            "export", "--trip", trip, "--layout", "plain", "--out", out_text, "--lang", "fr",
        ],
        2,
    );
    assert!(error.contains("en, zh or de"), "{error}");
    let error = cli_fails(
        &path,
        &[
            "export", "--trip", trip, "--layout", "plain", "--out", out_text, "--slug", "!!!",
        ],
        2,
    );
    assert!(error.contains("--slug"), "{error}");
}

#[test]
fn a_chinese_trip_matches_its_golden_posts() {
    let mut journal = TempJournal::new();
    let trip = all_chinese_trip(&mut journal);
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for layout in [Layout::Plain, Layout::Jekyll, Layout::Hugo] {
        for order in [Order::Day, Order::Kind, Order::Section] {
            let name = format!("chinese-{}-{}", layout.as_str(), order.as_str());
            let out = journal.dir.path().join(&name);
            let mut options = ExportOptions::new(&out, layout);
            options.order = order;
            let report = export_trip(&journal.store, trip, &options).expect("export");
            let markdown = std::fs::read_to_string(&report.post).expect("post");
            let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/golden")
                .join(format!("{name}.md"));
            if update {
                std::fs::write(&golden, &markdown).expect("golden written");
            }
            let expected = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
                panic!(
                    "golden file missing: {} (UPDATE_GOLDEN=1)",
                    golden.display()
                )
            });
            assert!(
                markdown == expected,
                "{name} differs from {}",
                golden.display()
            );
        }
    }
}

#[test]
fn uncaptioned_photos_of_one_entry_get_distinct_alt_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let trip = cli_ok(
        &journal,
        &["trip", "new", "--name", "Berlin", "--tz", "Europe/Berlin"],
    );
    let trip = trip.trim();
    let entry = cli_ok(
        &journal,
        &[
            "entry",
            "add",
            "--trip",
            trip,
            "--kind",
            "meal",
            "--title",
            "Currywurst",
            "--at",
            "2018-11-13 20:15",
        ],
    );
    let photos: Vec<String> = ["plain.jpg", "second.jpg", "orient3.jpg"]
        .iter()
        .map(|name| crate::util::fixture(name).to_string_lossy().into_owned())
        .collect();
    let mut args = vec!["photo", "add", "--trip", trip, "--entry", entry.trim()];
    args.extend(photos.iter().map(String::as_str));
    cli_ok(&journal, &args);
    // A captioned one keeps its caption.
    let captioned = crate::util::fixture("orient6_gps.jpg");
    cli_ok(
        &journal,
        &[
            "photo",
            "add",
            "--trip",
            trip,
            "--entry",
            entry.trim(),
            "--caption",
            "The stand",
            &captioned.to_string_lossy(),
        ],
    );
    let out = dir.path().join("blog");
    let printed = cli_ok(
        &journal,
        &[
            "export",
            "--trip",
            trip,
            "--layout",
            "plain",
            "--out",
            &out.to_string_lossy(),
        ],
    );
    let post = printed.lines().last().expect("the post's path");
    let markdown = std::fs::read_to_string(post).expect("post");
    let alts: Vec<&str> = markdown
        .lines()
        .filter_map(|line| {
            line.strip_prefix("![")?
                .split_once("](")
                .map(|(alt, _)| alt)
        })
        .collect();
    assert_eq!(
        alts,
        [
            "Currywurst, photo 1",
            "Currywurst, photo 2",
            "Currywurst, photo 3",
            "The stand"
        ],
        "{markdown}"
    );
}

#[test]
fn themed_posts_describe_themselves_for_cards_and_leave_the_byline_to_the_theme() {
    let (journal, trip) = demo_journal();
    for (layout, site_root) in [(Layout::Jekyll, ""), (Layout::Hugo, "beside")] {
        let out = journal.dir.path().join(layout.as_str());
        let report =
            export_trip(&journal.store, trip, &ExportOptions::new(&out, layout)).expect("export");
        let markdown = std::fs::read_to_string(&report.post).expect("post");
        let yaml = front_matter(&markdown);
        let description = yaml["description"].as_str().expect("a description");
        let summary = journal.store.trip(trip).expect("trip").fields.summary;
        assert!(summary.starts_with(description), "{description:?}");
        let image = yaml["image"].as_str().expect("an image");
        let file = match site_root {
            "" => out.join(image.trim_start_matches('/')),
            _ => report.post.parent().expect("bundle").join(image),
        };
        assert!(
            file.is_file(),
            "{layout:?}: {image} is not {}",
            file.display()
        );
        assert!(
            report.images.contains(&file),
            "{image} is one of the post's images"
        );
        assert!(
            !markdown.contains("· Demo Author*"),
            "{layout:?}: the theme prints date and author; no byline: {markdown}"
        );
    }
    let plain = journal.dir.path().join("plain");
    let report = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&plain, Layout::Plain),
    )
    .expect("export");
    let markdown = std::fs::read_to_string(&report.post).expect("post");
    assert!(
        markdown.contains("Demo Author"),
        "plain keeps its author line"
    );
}

/// The value of `name="…"` in an HTML tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

#[test]
fn with_sizes_every_img_has_a_srcset_of_files_at_each_width_and_no_gps() {
    let (mut journal, trip) = demo_journal();
    let mut request = ImportRequest::new(trip, vec![fixture("orient6_gps.jpg")]);
    request.entry = None;
    import_files(&mut journal.store, &request, &AtomicBool::new(false), None).expect("import");
    for layout in [Layout::Plain, Layout::Jekyll] {
        let out = journal
            .dir
            .path()
            .join(format!("sized-{}", layout.as_str()));
        let mut options = ExportOptions::new(&out, layout);
        options.sizes = vec![800, 400];
        let report = export_trip(&journal.store, trip, &options).expect("export");
        let markdown = std::fs::read_to_string(&report.post).expect("post");
        // As Jekyll serves it with no baseurl: `{{ "/x.jpg" | relative_url }}` is `/x.jpg`.
        let markdown = markdown
            .replace("{{ \"", "")
            .replace("\" | relative_url }}", "");
        let tags: Vec<&str> = markdown
            .lines()
            .filter(|line| line.starts_with("<img "))
            .collect();
        assert!(
            !markdown.contains("!["),
            "{layout:?}: every image is an <img>"
        );
        assert_eq!(
            tags.len(),
            9,
            "{layout:?}: 8 demo photos and the imported one"
        );
        for (index, tag) in tags.iter().enumerate() {
            assert_eq!(tag.contains(" loading=\"lazy\""), index > 0, "{tag}");
            let width: u32 = attribute(tag, "width")
                .expect("width")
                .parse()
                .expect("number");
            let height: u32 = attribute(tag, "height")
                .expect("height")
                .parse()
                .expect("number");
            let set = attribute(tag, "srcset").expect("srcset");
            let mut widths = Vec::new();
            for candidate in set.split(", ") {
                let (link, size) = candidate.rsplit_once(' ').expect("link and width");
                let pixels: u32 = size
                    .strip_suffix('w')
                    .unwrap_or_else(|| panic!("{candidate:?} in {tag}"))
                    .parse()
                    .expect("number");
                let file = out.join(link.trim_start_matches('/'));
                let bytes = std::fs::read(&file).unwrap_or_else(|_| panic!("{}", file.display()));
                let image = image::load_from_memory(&bytes).expect("decodes");
                assert_eq!(image.width(), pixels, "{candidate}");
                assert_eq!(
                    read_exif(&bytes),
                    Default::default(),
                    "no EXIF: {candidate}"
                );
                if pixels == width {
                    assert_eq!(image.height(), height, "width/height are the main file's");
                }
                widths.push(pixels);
            }
            assert_eq!(widths.iter().max(), Some(&width), "{tag}");
            assert!(
                widths.len() == 2 || width <= 400,
                "each width written: {tag}"
            );
        }
    }
}

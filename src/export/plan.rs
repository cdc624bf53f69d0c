//! Deciding the whole post before writing anything: its slug and paths, the name and link of
//! every image, and the context the template renders. Pure: no files, no decoding.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use chrono_tz::Tz;
use minijinja::Value;
use serde::Serialize;

use super::images::web_image_size;
use super::text::{MAX_SLUG_LEN, is_safe_link, slugify, stars_text, yaml_string};
use super::words::{Words, words};
use super::{ExportOptions, Layout, Numbering, Order};
use crate::model::rules::group_by_section;
use crate::model::{
    Entry, EntryContent, EntryId, EntryKind, FoodItem, Money, Photo, PhotoId, PostLanguage, Rating,
    RatingSource, ScheduleItem, Trip,
};

/// Everything an export will write, decided up front.
#[derive(Debug, Clone)]
pub struct PostPlan {
    pub trip_id: i64,
    /// The slug in the output folder.
    pub slug: String,
    /// The slug the trip keeps (without a number added for this folder).
    pub trip_slug: String,
    /// The post, relative to the output folder.
    pub post_path: PathBuf,
    /// The folder of the images, relative to the output folder.
    pub image_dir: PathBuf,
    /// Each image to write, in the order it appears in the post.
    pub images: Vec<PlannedImage>,
    pub context: PostContext,
}

/// One photo to write as a web image.
#[derive(Debug, Clone)]
pub struct PlannedImage {
    pub photo: Photo,
    /// File name inside [`PostPlan::image_dir`]: ASCII, unique, with extension.
    pub file_name: String,
    /// Written as PNG (the photo has transparency) rather than JPEG.
    pub as_png: bool,
    /// The long edge it is written at, in pixels (never upscaled).
    pub max_width: u32,
}

/// The template's view of the post. Documented in README.md ("Templates").
#[derive(Debug, Clone, Serialize)]
pub struct PostContext {
    pub title: String,
    pub slug: String,
    pub layout: &'static str,
    pub order: &'static str,
    /// The post's language tag (`en`, `zh-Hans`, `de`).
    pub lang: &'static str,
    /// Every word the post writes itself, in its language (`export::words`).
    pub labels: &'static Words,
    pub draft: bool,
    /// Print the trip's dates, place and author under the title. The plain layout does; in
    /// Jekyll and Hugo the theme prints the date and author from the front matter, so the
    /// built-in template leaves it out there (a template can `{% set show_byline = true %}`).
    pub show_byline: bool,
    /// The post's date, YYYY-MM-DD.
    pub date: String,
    /// The complete YAML front matter with its `---` lines (empty for the plain layout);
    /// printed as it is.
    pub front_matter: Value,
    pub trip: TripContext,
    pub groups: Vec<GroupContext>,
    pub food_ratings: Vec<FoodRow>,
    pub gallery: Vec<ImageContext>,
    /// "Talks I attended": talks of the schedule marked attended or made into a session, by
    /// start (empty unless the option asks for it).
    pub talks: Vec<TalkRow>,
    /// "To watch": talks marked to watch their recording later, by start (empty unless the
    /// option asks for it).
    pub to_watch: Vec<TalkRow>,
}

/// A talk of the schedule as the post's closing list shows it.
#[derive(Debug, Clone, Serialize)]
pub struct TalkRow {
    pub title: String,
    /// The talk's page (a web address only).
    pub url: Option<String>,
    pub speakers: Vec<String>,
    pub room: String,
    /// Local date and time in the trip's zone, in the post's language.
    pub when: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TripContext {
    pub name: String,
    pub city: String,
    pub country: String,
    pub place: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub dates: String,
    pub time_zone: String,
    pub author: String,
    /// Markdown as the user wrote it.
    pub summary: String,
    pub tags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupContext {
    /// None for entries without a section heading (section order).
    pub heading: Option<String>,
    pub number: usize,
    pub entries: Vec<EntryContext>,
}

#[derive(Debug, Clone, Serialize)]
pub struct EntryContext {
    pub id: i64,
    /// 1-based number inside its group.
    pub number: usize,
    /// Whether the post shows `number` before the title (the numbering option, and the title
    /// does not carry its own number).
    pub numbered: bool,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub title: String,
    /// Local date and time in the trip's zone.
    pub date: String,
    pub time: String,
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Markdown as the user wrote it.
    pub body: String,
    pub rating: Option<RatingContext>,
    pub photos: Vec<ImageContext>,
    pub session: Option<SessionContext>,
    pub meal: Option<MealContext>,
    pub food: Option<FoodContext>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RatingContext {
    /// "★★★★½"
    pub stars: String,
    /// "4.5"
    pub value: String,
    pub half_stars: u8,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionContext {
    pub speakers: Vec<String>,
    pub track: String,
    pub room: String,
    pub duration_min: Option<u32>,
    pub gave_talk: bool,
    /// The talk's page when it is a web or mail address (written as a link).
    pub link: Option<String>,
    /// A link of any other kind (`javascript:`…), shown as plain text only.
    pub link_text: Option<String>,
    /// The talk's page in the conference schedule, for a session made from it (a web
    /// address only).
    pub talk_page: Option<String>,
    /// Markdown.
    pub notes: String,
    /// Markdown.
    pub takeaways: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MealContext {
    pub meal_type: Option<&'static str>,
    pub venue: String,
    pub address: String,
    pub dishes: Vec<String>,
    pub price: Option<String>,
    /// Markdown.
    pub notes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoodContext {
    pub dish: String,
    pub venue: String,
    pub category: String,
    pub sub_ratings: Vec<SubRatingContext>,
    pub price: Option<String>,
    /// "own visit" or the outside score as typed.
    pub source: String,
    pub own_visit: bool,
    pub verdict: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SubRatingContext {
    pub name: &'static str,
    pub rating: RatingContext,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImageContext {
    /// The link target exactly as it goes in the Markdown (for Jekyll a Liquid expression,
    /// so it is printed as it is).
    pub src: Value,
    pub file: String,
    /// Caption, or the entry's title when the photo has none.
    pub alt: String,
    pub caption: String,
    /// With several sizes (`--sizes`): each file's link and pixel width ("… 800w, … 1600w"),
    /// printed as it is; `None` for a single size.
    pub srcset: Option<Value>,
    /// The `sizes` attribute that goes with `srcset`.
    pub sizes: String,
    /// The main file's pixel size (for `width`/`height`, so the page does not shift).
    pub width: u32,
    pub height: u32,
    /// Not the post's first image: the browser may load it when it is scrolled to.
    pub lazy: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct FoodRow {
    pub rank: usize,
    pub title: String,
    pub dish: String,
    pub venue: String,
    pub rating: RatingContext,
    pub price: Option<String>,
}

fn rating_context(rating: Rating) -> RatingContext {
    RatingContext {
        stars: stars_text(rating.half_stars()),
        value: rating.to_string(),
        half_stars: rating.half_stars(),
    }
}

/// The date the post carries: the trip's start, else its first entry's day.
fn post_date(trip: &Trip, entries: &[Entry]) -> NaiveDate {
    let zone = trip.fields.time_zone;
    trip.fields
        .start_date
        .or_else(|| {
            entries
                .iter()
                .map(|e| e.fields.at.with_timezone(&zone).date_naive())
                .min()
        })
        .or(trip.fields.end_date)
        .unwrap_or_else(|| chrono::Utc::now().with_timezone(&zone).date_naive())
}

/// The names an export uses, chosen by the caller (who knows the output folder).
#[derive(Debug, Clone)]
pub struct PostNames {
    /// The slug in the output folder.
    pub slug: String,
    /// The slug the trip keeps.
    pub trip_slug: String,
}

/// A slug made from the trip's name (or its date when the name has nothing readable).
pub fn slug_from_name(trip: &Trip, entries: &[Entry]) -> String {
    let from_name = slugify(&trip.fields.name);
    if from_name.is_empty() {
        format!("trip-{}", post_date(trip, entries))
    } else {
        from_name
    }
}

/// Decides the post: paths, names, links and the template context.
/// `transparent` lists the photos that keep their transparency (written as PNG).
pub(crate) fn plan_post_with(
    trip: &Trip,
    entries: &[Entry],
    photos: &[Photo],
    options: &ExportOptions,
    transparent: &HashSet<PhotoId>,
    names: PostNames,
    schedule: &[ScheduleItem],
) -> PostPlan {
    let zone = trip.fields.time_zone;
    let date = options.date.unwrap_or_else(|| post_date(trip, entries));
    let slug = names.slug;
    let (post_path, image_dir) = post_paths(options, &slug, date);
    let language = options
        .language
        .or(trip.fields.post_language)
        .unwrap_or_else(|| post_language_of(trip, entries));
    let words = words(language);
    let groups = group_entries(trip, entries, options.order, words);
    let mut images = ImageNamer {
        layout: options.layout,
        slug: &slug,
        transparent,
        widths: image_widths(options),
        used_names: HashSet::new(),
        planned: Vec::new(),
    };
    let group_contexts: Vec<GroupContext> = groups
        .into_iter()
        .enumerate()
        .map(|(group_index, (heading, members))| GroupContext {
            heading,
            number: group_index + 1,
            // A section of one entry does not number it ("1." alone says nothing).
            entries: numbered_if_several(
                members.len() > 1,
                members
                    .into_iter()
                    .enumerate()
                    .map(|(index, entry)| {
                        // <group>-<entry>-<n>: a reader of the folder finds the photo's place in
                        // the post (section 2, its third entry, first photo: 02-03-1-…).
                        let prefix = format!("{:02}-{:02}", group_index + 1, index + 1);
                        let of_entry: Vec<&Photo> = photos
                            .iter()
                            .filter(|p| p.entry == Some(entry.id))
                            .collect();
                        // An untitled entry's photo is described by its kind, in the post's
                        // language; of several, each uncaptioned one also by its number.
                        let fallback = if entry.fields.title.trim().is_empty() {
                            words.kind(entry.fields.kind())
                        } else {
                            entry.fields.title.as_str()
                        };
                        let entry_photos: Vec<ImageContext> = of_entry
                            .iter()
                            .enumerate()
                            .map(|(n, p)| {
                                let alt = (of_entry.len() > 1)
                                    .then(|| words.numbered_photo(fallback, n + 1));
                                images.name(p, &format!("{prefix}-{}", n + 1), fallback, alt)
                            })
                            .collect();
                        let mut context =
                            entry_context(entry, index + 1, zone, words, entry_photos);
                        context.numbered &= options.numbering == Numbering::Section;
                        if let Some(session) = &mut context.session {
                            session.talk_page = talk_page_of(schedule, entry.id);
                        }
                        context
                    })
                    .collect(),
            ),
        })
        .collect();
    let gallery: Vec<ImageContext> = if options.include_unassigned {
        let unassigned: Vec<&Photo> = photos.iter().filter(|p| p.entry.is_none()).collect();
        unassigned
            .iter()
            .enumerate()
            .map(|(index, p)| {
                let alt = (unassigned.len() > 1)
                    .then(|| words.numbered_photo(&trip.fields.name, index + 1));
                let prefix = format!("gallery-{:02}", index + 1);
                images.name(p, &prefix, &trip.fields.name, alt)
            })
            .collect()
    } else {
        Vec::new()
    };
    let trip_context = trip_context(trip, words);
    let sharing = Sharing {
        description: description(trip, entries),
        image: cover_image(trip, &images.planned, &image_dir, options.layout),
    };
    let front_matter = front_matter(trip, &trip_context, date, options, &sharing);
    PostPlan {
        trip_id: trip.id.0,
        slug: slug.clone(),
        trip_slug: names.trip_slug,
        post_path,
        image_dir,
        images: images.planned,
        context: PostContext {
            title: trip.fields.name.clone(),
            slug,
            layout: options.layout.as_str(),
            order: options.order.as_str(),
            lang: words.tag,
            labels: words,
            draft: !options.publish,
            show_byline: options.layout == Layout::Plain,
            date: date.to_string(),
            front_matter: Value::from_safe_string(front_matter),
            trip: trip_context,
            groups: group_contexts,
            food_ratings: food_rows(entries),
            gallery,
            talks: if options.talks_attended {
                talk_rows(schedule, zone, words, ScheduleItem::attended)
            } else {
                Vec::new()
            },
            to_watch: if options.to_watch {
                talk_rows(schedule, zone, words, |item| item.marks.watch_later)
            } else {
                Vec::new()
            },
        },
    }
}

/// The schedule page of the talk a session was made from, when it is a web address.
fn talk_page_of(schedule: &[ScheduleItem], entry: EntryId) -> Option<String> {
    schedule
        .iter()
        .find(|item| item.entry == Some(entry))
        .and_then(|item| item.talk.url.clone())
        .filter(|url| is_safe_link(url))
}

/// The talks `listed` picks (cancelled ones left out), by start, as a closing list shows them.
fn talk_rows(
    schedule: &[ScheduleItem],
    zone: Tz,
    words: &Words,
    listed: impl Fn(&ScheduleItem) -> bool,
) -> Vec<TalkRow> {
    let mut talks: Vec<&ScheduleItem> = schedule
        .iter()
        .filter(|item| listed(item) && !item.cancelled)
        .collect();
    talks.sort_by_key(|item| item.bounds(zone).0);
    talks
        .into_iter()
        .map(|item| {
            let start = item.bounds(zone).0;
            TalkRow {
                title: item.talk.title.clone(),
                url: item.talk.url.clone().filter(|url| is_safe_link(url)),
                speakers: item.talk.speakers.clone(),
                room: item.talk.room.clone(),
                when: format!(
                    "{} {}",
                    words.date(start.date_naive()),
                    start.format("%H:%M")
                ),
            }
        })
        .collect()
}

/// Where the post and its images go inside the output folder, by layout.
fn post_paths(options: &ExportOptions, slug: &str, date: NaiveDate) -> (PathBuf, PathBuf) {
    match options.layout {
        Layout::Plain => (
            PathBuf::from(format!("{slug}.md")),
            PathBuf::from("images").join(slug),
        ),
        Layout::Jekyll if options.publish => (
            PathBuf::from("_posts").join(format!("{date}-{slug}.md")),
            PathBuf::from("assets/images").join(slug),
        ),
        Layout::Jekyll => (
            PathBuf::from("_drafts").join(format!("{slug}.md")),
            PathBuf::from("assets/images").join(slug),
        ),
        Layout::Hugo => {
            let bundle = PathBuf::from("content/posts").join(slug);
            (bundle.join("index.md"), bundle)
        }
    }
}

/// The entries in groups with their headings, in the post's order.
/// The language the trip's own text is written in (its name, summary, sections, titles and
/// notes).
fn post_language_of(trip: &Trip, entries: &[Entry]) -> PostLanguage {
    let trip_texts = [trip.fields.name.as_str(), trip.fields.summary.as_str()];
    let entry_texts = entries.iter().flat_map(|e| {
        [
            e.fields.title.as_str(),
            e.fields.body.as_str(),
            e.fields.section.as_deref().unwrap_or(""),
        ]
    });
    PostLanguage::detect(trip_texts.into_iter().chain(entry_texts))
}

fn group_entries<'e>(
    trip: &Trip,
    entries: &'e [Entry],
    order: Order,
    words: &Words,
) -> Vec<(Option<String>, Vec<&'e Entry>)> {
    let zone = trip.fields.time_zone;
    let by_time = |a: &&Entry, b: &&Entry| {
        (a.fields.at, a.position, a.id).cmp(&(b.fields.at, b.position, b.id))
    };
    let mut groups: Vec<(Option<String>, Vec<&Entry>)> = Vec::new();
    match order {
        Order::Day => {
            let mut days: BTreeMap<NaiveDate, Vec<&Entry>> = BTreeMap::new();
            for entry in entries {
                days.entry(entry.fields.at.with_timezone(&zone).date_naive())
                    .or_default()
                    .push(entry);
            }
            let first_day = trip
                .fields
                .start_date
                .or_else(|| days.keys().next().copied());
            for (day, mut day_entries) in days {
                day_entries.sort_by(by_time);
                groups.push((Some(words.day_heading(day, first_day)), day_entries));
            }
        }
        Order::Kind => {
            for kind in EntryKind::ALL {
                let mut of_kind: Vec<&Entry> =
                    entries.iter().filter(|e| e.fields.kind() == kind).collect();
                if !of_kind.is_empty() {
                    of_kind.sort_by(by_time);
                    groups.push((Some(words.kind_plural(kind).to_string()), of_kind));
                }
            }
        }
        Order::Section => groups = group_by_section(entries, &trip.fields.section_order),
    }
    groups
}

/// Names the images in the order they appear, so names follow the post, and plans each.
struct ImageNamer<'a> {
    layout: Layout,
    slug: &'a str,
    transparent: &'a HashSet<PhotoId>,
    /// The widths each image is written at, largest (the main file) first.
    widths: Vec<u32>,
    used_names: HashSet<String>,
    planned: Vec<PlannedImage>,
}

/// The widths an export writes each image at, largest first: `sizes` (plain and Jekyll), else
/// the one `max_width`. Hugo keeps one large image (its render hook makes the sizes).
fn image_widths(options: &ExportOptions) -> Vec<u32> {
    let mut widths = match options.layout {
        Layout::Hugo => Vec::new(),
        _ => options.sizes.clone(),
    };
    if options.layout == Layout::Hugo && !options.sizes.is_empty() {
        widths.extend(options.sizes.iter().max());
    }
    if widths.is_empty() {
        widths.push(options.max_width);
    }
    widths.sort_unstable_by(|a, b| b.cmp(a));
    widths.dedup();
    widths
}

impl ImageNamer<'_> {
    /// Plans one photo: `<prefix>-<caption or fallback words>.jpg`, unique in the post. Its
    /// alt text is the caption, else `fallback_alt` (one of several: "Title, photo 2"), else
    /// the fallback words.
    fn name(
        &mut self,
        photo: &Photo,
        prefix: &str,
        fallback_text: &str,
        fallback_alt: Option<String>,
    ) -> ImageContext {
        let as_png = self.transparent.contains(&photo.id);
        let captioned = !photo.caption.trim().is_empty();
        let words = if captioned {
            photo.caption.as_str()
        } else {
            fallback_text
        };
        let alt = match fallback_alt {
            Some(alt) if !captioned => alt,
            _ => words.to_owned(),
        };
        let mut stem = slugify(words);
        stem.truncate(MAX_SLUG_LEN.min(40));
        while stem.ends_with('-') {
            stem.pop();
        }
        if stem.is_empty() {
            stem = "photo".to_string();
        }
        let extension = if as_png { "png" } else { "jpg" };
        let file_name = self.unique_name(&format!("{prefix}-{stem}"), extension);
        let lazy = !self.planned.is_empty();
        let main_width = self.widths[0];
        self.planned.push(PlannedImage {
            photo: photo.clone(),
            file_name: file_name.clone(),
            as_png,
            max_width: main_width,
        });
        let (width, height) = web_image_size(photo, main_width, as_png);
        let mut context = ImageContext {
            src: Value::from_safe_string(self.link_for(&file_name)),
            file: file_name.clone(),
            alt,
            caption: photo.caption.clone(),
            srcset: None,
            sizes: format!("(max-width: {width}px) 100vw, {width}px"),
            width,
            height,
            lazy,
        };
        if self.widths.len() > 1 {
            context.srcset = Some(self.smaller_sizes(photo, &file_name, width));
        }
        context
    }

    /// `<base>.<extension>`, or with a number added when another image has that name.
    fn unique_name(&mut self, base: &str, extension: &str) -> String {
        let mut file_name = format!("{base}.{extension}");
        let mut counter = 2;
        while !self.used_names.insert(file_name.clone()) {
            file_name = format!("{base}-{counter}.{extension}");
            counter += 1;
        }
        file_name
    }

    /// Plans the smaller files of the image just planned (`<name>-800w.jpg`; none at or
    /// above the main file's width) and returns the `srcset` of them all.
    fn smaller_sizes(&mut self, photo: &Photo, main_file: &str, main_width: u32) -> Value {
        let main = self.planned.last().cloned();
        let mut set = vec![format!("{} {main_width}w", self.link_for(main_file))];
        let Some(main) = main else {
            return Value::from_safe_string(set.join(", "));
        };
        let (base, extension) = main_file.rsplit_once('.').unwrap_or((main_file, "jpg"));
        let smaller: Vec<u32> = self.widths[1..].to_vec();
        for limit in smaller {
            let (width, _) = web_image_size(photo, limit, main.as_png);
            if width >= main_width {
                continue;
            }
            let file_name = self.unique_name(&format!("{base}-{width}w"), extension);
            set.push(format!("{} {width}w", self.link_for(&file_name)));
            self.planned.push(PlannedImage {
                file_name,
                max_width: limit,
                ..main.clone()
            });
        }
        set.reverse();
        Value::from_safe_string(set.join(", "))
    }

    /// The link to an image as the post writes it, by layout.
    fn link_for(&self, file: &str) -> String {
        let slug = self.slug;
        match self.layout {
            Layout::Plain => format!("images/{slug}/{file}"),
            Layout::Jekyll => format!("{{{{ \"/assets/images/{slug}/{file}\" | relative_url }}}}"),
            Layout::Hugo => file.to_string(),
        }
    }
}

fn money_text(money: Option<&Money>) -> Option<String> {
    money.map(Money::to_string)
}

fn entry_context(
    entry: &Entry,
    number: usize,
    zone: Tz,
    words: &Words,
    photos: Vec<ImageContext>,
) -> EntryContext {
    let f = &entry.fields;
    let local = f.at.with_timezone(&zone);
    let mut context = EntryContext {
        id: entry.id.0,
        number,
        numbered: !crate::model::rules::starts_with_own_number(&f.title),
        kind: f.kind().as_str(),
        kind_label: words.kind(f.kind()),
        title: f.title.clone(),
        date: words.date(local.date_naive()),
        time: local.format("%H:%M").to_string(),
        section: f.section.clone(),
        tags: f.tags.clone(),
        body: f.body.clone(),
        rating: f.content.rating().map(rating_context),
        photos,
        session: None,
        meal: None,
        food: None,
    };
    match &f.content {
        EntryContent::Session(s) => {
            context.session = Some(SessionContext {
                speakers: s.speakers.clone(),
                track: s.track.clone(),
                room: s.room.clone(),
                duration_min: s.duration_min,
                gave_talk: s.role == crate::model::SessionRole::Speaker,
                link: s.link.clone().filter(|link| is_safe_link(link)),
                link_text: s.link.clone().filter(|link| !is_safe_link(link)),
                talk_page: None,
                notes: s.notes.clone(),
                takeaways: s.takeaways.clone(),
            })
        }
        EntryContent::Meal(m) => {
            context.meal = Some(MealContext {
                meal_type: Some(words.meal(m.meal_type)),
                venue: m.venue.clone(),
                address: m.address.clone(),
                dishes: m.dishes.clone(),
                price: money_text(m.price.as_ref()),
                notes: m.notes.clone(),
            })
        }
        EntryContent::FoodRating(r) => {
            let sub = [
                (words.sub_ratings[0], r.sub_ratings.taste),
                (words.sub_ratings[1], r.sub_ratings.value),
                (words.sub_ratings[2], r.sub_ratings.service),
                (words.sub_ratings[3], r.sub_ratings.atmosphere),
            ];
            context.food = Some(FoodContext {
                dish: r.dish.clone(),
                venue: r.venue.clone(),
                category: r.category.clone(),
                sub_ratings: sub
                    .into_iter()
                    .filter_map(|(name, rating)| {
                        rating.map(|rating| SubRatingContext {
                            name,
                            rating: rating_context(rating),
                        })
                    })
                    .collect(),
                price: money_text(r.price.as_ref()),
                source: match &r.source {
                    RatingSource::OwnVisit => words.own_visit.to_string(),
                    RatingSource::Outside(text) => text.clone(),
                },
                own_visit: r.source == RatingSource::OwnVisit,
                verdict: r.verdict.clone(),
            })
        }
        EntryContent::Note => {}
    }
    context
}

/// Every rated dish and meal of the trip, best first (then cheaper first, then by title).
fn food_rows(entries: &[Entry]) -> Vec<FoodRow> {
    let mut rows: Vec<(Rating, FoodItem, &Entry)> = entries
        .iter()
        .filter_map(|entry| {
            let food = entry.food()?;
            Some((food.rating?, food, entry))
        })
        .collect();
    rows.sort_by(|a, b| {
        let price = |food: &FoodItem| food.price.as_ref().map_or(i64::MAX, Money::minor_units);
        b.0.cmp(&a.0)
            .then_with(|| price(&a.1).cmp(&price(&b.1)))
            .then_with(|| a.2.fields.title.cmp(&b.2.fields.title))
            .then_with(|| a.2.id.cmp(&b.2.id))
    });
    rows.into_iter()
        .enumerate()
        .map(|(index, (rating, food, entry))| FoodRow {
            rank: index + 1,
            title: entry.fields.title.clone(),
            dish: food.dish,
            venue: food.venue,
            rating: rating_context(rating),
            price: money_text(food.price.as_ref()),
        })
        .collect()
}

fn trip_context(trip: &Trip, words: &Words) -> TripContext {
    let f = &trip.fields;
    let dates = words.date_range(f.start_date, f.end_date);
    TripContext {
        name: f.name.clone(),
        city: f.city.clone(),
        country: f.country.clone(),
        place: f.place(),
        start_date: f.start_date.map(|d| d.to_string()),
        end_date: f.end_date.map(|d| d.to_string()),
        dates,
        time_zone: f.time_zone.name().to_string(),
        author: f.author.clone(),
        summary: f.summary.clone(),
        tags: f.tags.clone(),
    }
}

/// Entries with `numbered` cleared unless their section holds several.
fn numbered_if_several(several: bool, entries: Vec<EntryContext>) -> Vec<EntryContext> {
    entries
        .into_iter()
        .map(|mut entry| {
            entry.numbered &= several;
            entry
        })
        .collect()
}

/// What themes and social cards show of a post: a line of text and a picture.
struct Sharing {
    description: String,
    /// The cover photo's address as the site serves it.
    image: Option<String>,
}

/// The longest description written, in characters (search engines show about this many).
const DESCRIPTION_CHARS: usize = 200;

/// The trip's summary, or else the first entry text's first paragraph, as plain text of at
/// most [`DESCRIPTION_CHARS`].
fn description(trip: &Trip, entries: &[Entry]) -> String {
    let sources = std::iter::once(trip.fields.summary.as_str())
        .chain(entries.iter().map(|entry| entry.fields.body.as_str()));
    let text = sources
        .map(super::text::first_paragraph_text)
        .find(|text| !text.is_empty())
        .unwrap_or_default();
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The trip's cover photo if the post has it, else the post's first image: its address in
/// the built site (Jekyll: from the site's root; Hugo: beside the page).
fn cover_image(
    trip: &Trip,
    planned: &[PlannedImage],
    image_dir: &std::path::Path,
    layout: Layout,
) -> Option<String> {
    let cover = trip
        .fields
        .cover_photo
        .and_then(|cover| planned.iter().find(|image| image.photo.id == cover))
        .or_else(|| planned.first())?;
    match layout {
        Layout::Plain => None,
        Layout::Jekyll => {
            let folder: Vec<String> = image_dir
                .components()
                .map(|part| part.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some(format!("/{}/{}", folder.join("/"), cover.file_name))
        }
        Layout::Hugo => Some(cover.file_name.clone()),
    }
}

/// YAML front matter for Jekyll and Hugo; every user string is a quoted scalar so it reads
/// back exactly as typed.
fn front_matter(
    trip: &Trip,
    context: &TripContext,
    date: NaiveDate,
    options: &ExportOptions,
    sharing: &Sharing,
) -> String {
    if options.layout == Layout::Plain {
        return String::new();
    }

    let list = |items: &[String]| -> String {
        let quoted: Vec<String> = items.iter().map(|item| yaml_string(item)).collect();
        format!("[{}]", quoted.join(", "))
    };
    let mut lines = vec!["---".to_string()];
    if options.layout == Layout::Jekyll {
        lines.push("layout: post".to_string());
    }
    lines.push(format!("title: {}", yaml_string(&trip.fields.name)));
    // Noon with no offset, read in the site's own time zone whatever it is, so the post's URL
    // and `.Date` show the trip's day (midnight in the trip's zone read in a zone west of it
    // was the day before). Jekyll's YAML would read a bare timestamp as UTC and then move it
    // into the site's zone (the next day in Auckland): quoted, Jekyll parses it in the site's
    // zone itself.
    let date_text = match options.layout {
        Layout::Jekyll => format!("\"{date} 12:00:00\""),
        _ => format!("{date}T12:00:00"),
    };
    lines.push(format!("date: {date_text}"));
    if options.layout == Layout::Hugo {
        lines.push(format!("draft: {}", !options.publish));
    }
    if !trip.fields.author.is_empty() {
        lines.push(format!("author: {}", yaml_string(&trip.fields.author)));
    }
    lines.push(format!("tags: {}", list(&trip.fields.tags)));
    lines.push(format!("categories: {}", list(&["travel".to_string()])));
    if !context.place.is_empty() {
        lines.push(format!("location: {}", yaml_string(&context.place)));
    }
    if !trip.fields.city.is_empty() {
        lines.push(format!("city: {}", yaml_string(&trip.fields.city)));
    }
    if !trip.fields.country.is_empty() {
        lines.push(format!("country: {}", yaml_string(&trip.fields.country)));
    }
    if !sharing.description.is_empty() {
        lines.push(format!(
            "description: {}",
            yaml_string(&sharing.description)
        ));
    }
    if let Some(image) = &sharing.image {
        lines.push(format!("image: {}", yaml_string(image)));
    }
    lines.push("---".to_string());
    lines.join("\n") + "\n"
}

//! The demo trip: a few days at a summit in Berlin in November 2018, modelled on the kind of
//! post tripjournal exists to write. Sessions (one given by the user), meals (a poor conference
//! lunch box), food ratings (pork knuckles) and notes, in Chinese and English, with photos that
//! this module paints itself, so a newcomer sees a full trip in one command.

use chrono::{NaiveDate, TimeZone};
use chrono_tz::Europe::Berlin;
use image::{Rgb, RgbImage};

use crate::model::{
    EntryContent, EntryFields, EntryKind, FoodRating, Meal, MealType, Money, Rating, RatingSource,
    Session, SessionRole, SubRatings, TripFields, TripId,
};
use crate::photos::{ImportError, import_bytes};
use crate::store::{PhotoInsert, Store};

const SECTION_COMMUNITY: &str = "一、社区在发展";
const SECTION_SPEAKER: &str = "二、我在峰会：从旁听者到分享者";
const SECTION_SUMMARY: &str = "三、总结";

/// Creates the demo trip with its entries and photos and returns its id.
pub fn create_demo_trip(store: &mut Store) -> Result<TripId, ImportError> {
    let mut trip = TripFields::named("OpenStack 柏林峰会 · Berlin Summit 2018");
    trip.city = "Berlin".into();
    trip.country = "Germany".into();
    trip.start_date = NaiveDate::from_ymd_opt(2018, 11, 12);
    trip.end_date = NaiveDate::from_ymd_opt(2018, 11, 16);
    trip.time_zone = Berlin;
    trip.author = "Demo Author".into();
    trip.summary = "第18届 OpenStack Summit 在柏林 CityCube 举行：近3000人参会，200多个议题。\n\n\
                    Three days of talks on edge computing, containers and NFV — and the search for \
                    Berlin's best pork knuckle."
        .into();
    trip.tags = vec!["openstack".into(), "conference".into(), "berlin".into()];
    let trip_id = store.create_trip(&trip)?;

    let at = |day: u32, hour: u32, minute: u32| {
        Berlin
            .with_ymd_and_hms(2018, 11, day, hour, minute, 0)
            .earliest()
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or_default()
    };
    let stars = |half_stars: u8| Rating::from_half_stars(half_stars).ok();
    let euros = |cents: i64| Money::new(cents, "EUR").ok();

    let mut keynote = EntryFields::new(
        EntryKind::Session,
        "Keynotes: Open Infrastructure",
        at(13, 9, 0),
    );
    keynote.section = Some(SECTION_COMMUNITY.into());
    keynote.tags = vec!["keynote".into()];
    keynote.body = "OpenStack 的内涵在被延展，从单一的云平台到基础设施层面：CI/CD、容器、边缘计算、HPC、NFV。\n\n\
                    > The summit will be renamed **Open Infrastructure Summit**."
        .into();
    keynote.content = EntryContent::Session(Session {
        speakers: vec!["Jonathan Bryce".into(), "Mark Collier".into()],
        track: "Keynotes".into(),
        room: "Hall A, CityCube".into(),
        duration_min: Some(90),
        role: SessionRole::Attended,
        link: Some("https://www.openstack.org/videos/summits/berlin-2018".into()),
        notes: "Kata Containers 1.x demo on stage.".into(),
        takeaways: "OpenStack is becoming one part of a wider open infrastructure.".into(),
        usefulness: stars(8),
    });

    let mut edge = EntryFields::new(
        EntryKind::Session,
        "Comparison between Open Edge Projects (Akraino/StarlingX/OpenCord/vCO) v.s. ETSI MEC RA",
        at(13, 14, 0),
    );
    edge.section = Some(SECTION_COMMUNITY.into());
    edge.tags = vec!["edge".into(), "nfv".into(), "5g".into()];
    edge.body = "MEC 方案百花齐放，但还没有事实标准；运营商希望厂商给出完整的使用场景。".into();
    edge.content = EntryContent::Session(Session {
        speakers: vec!["China Unicom".into(), "Intel".into(), "99Cloud".into()],
        track: "Telecom + NFV".into(),
        room: "M-Räume 1".into(),
        duration_min: Some(40),
        role: SessionRole::Attended,
        link: None,
        notes: String::new(),
        takeaways: "StarlingX makes building an OpenStack distribution much simpler.".into(),
        usefulness: stars(7),
    });

    let mut ceph = EntryFields::new(
        EntryKind::Session,
        "Ceph in a multi-cloud world",
        at(15, 11, 0),
    );
    ceph.section = Some(SECTION_COMMUNITY.into());
    ceph.body = "Ceph 之父 Sage 分享多云及混合云场景下的新特性，干货满满。".into();
    ceph.content = EntryContent::Session(Session {
        speakers: vec!["Sage Weil".into()],
        track: "Private & Hybrid Cloud".into(),
        room: "Hall B".into(),
        duration_min: Some(40),
        role: SessionRole::Attended,
        link: None,
        notes: String::new(),
        takeaways: "Watch the RGW multi-site work.".into(),
        usefulness: stars(10),
    });

    let mut my_talk = EntryFields::new(
        EntryKind::Session,
        "A Better VM HA Solution: Split-brain Solving & Host Network Fault Awareness",
        at(14, 16, 20),
    );
    my_talk.section = Some(SECTION_SPEAKER.into());
    my_talk.tags = vec!["my-talk".into(), "ha".into()];
    my_talk.body = "第一次站在峰会的台上：真的会紧张！（笑）\n\n听众很多，问答环节很热烈，结束时会场响起了掌声。".into();
    my_talk.content = EntryContent::Session(Session {
        speakers: vec!["Demo Author".into(), "Colleague".into()],
        track: "HA & Resilience".into(),
        room: "Hall 7, CityCube".into(),
        duration_min: Some(40),
        role: SessionRole::Speaker,
        link: Some("https://example.com/slides/vm-ha-berlin-2018.pdf".into()),
        notes: "Slides: 32; demo video: 3 min.".into(),
        takeaways: "Questions on fencing and on the network probe interval.".into(),
        usefulness: None,
    });

    let mut chat = EntryFields::new(
        EntryKind::Note,
        "Talking with the Masakari PTL",
        at(14, 17, 10),
    );
    chat.section = Some(SECTION_SPEAKER.into());
    chat.body = "会后和 Masakari 项目 PTL 以及 SIG 技术 Leader 聊了聊，他们邀请我们参加明天两场可靠性相关的演讲。\n\n\
                 - share test results\n- compare fencing approaches"
        .into();

    let mut lunch = EntryFields::new(EntryKind::Meal, "Conference lunch box", at(13, 12, 30));
    lunch.section = Some(SECTION_SUMMARY.into());
    lunch.body = "这次峰会的午饭冷餐简直了：袋子里是个贼硬还没啥味道的干面包。".into();
    lunch.content = EntryContent::Meal(Meal {
        meal_type: Some(MealType::Lunch),
        venue: "CityCube Berlin".into(),
        address: "Messedamm 26, 14055 Berlin".into(),
        dishes: vec!["dry bread roll".into(), "cheese".into(), "apple".into()],
        price: euros(0),
        notes: "Worse than Barcelona.".into(),
        rating: stars(3),
    });

    let mut currywurst = EntryFields::new(
        EntryKind::Meal,
        "Currywurst near the station",
        at(13, 20, 15),
    );
    currywurst.section = Some(SECTION_SUMMARY.into());
    currywurst.content = EntryContent::Meal(Meal {
        meal_type: Some(MealType::Dinner),
        venue: "Imbiss am Bahnhof (demo)".into(),
        address: String::new(),
        dishes: vec!["Currywurst".into(), "Pommes".into()],
        price: euros(650),
        notes: String::new(),
        rating: stars(7),
    });

    let knuckle = |title: &str,
                   venue: &str,
                   overall: u8,
                   taste: u8,
                   cents: i64,
                   source: &str,
                   verdict: &str,
                   day: u32| {
        let mut entry = EntryFields::new(EntryKind::FoodRating, title, at(day, 19, 30));
        entry.section = Some(SECTION_SUMMARY.into());
        entry.tags = vec!["pork-knuckle".into()];
        entry.content = EntryContent::FoodRating(FoodRating {
            dish: "Schweinshaxe".into(),
            venue: venue.into(),
            category: "Schweinshaxe".into(),
            overall: stars(overall),
            sub_ratings: SubRatings {
                taste: stars(taste),
                value: stars(8),
                service: stars(7),
                atmosphere: stars(9),
            },
            price: euros(cents),
            source: RatingSource::from_text(source),
            verdict: verdict.into(),
        });
        entry
    };
    let knuckle_best = knuckle(
        "柏林肘子 No.1",
        "Brauhaus an der Spree (demo)",
        9,
        10,
        1890,
        "own",
        "外皮酥脆，肉嫩多汁 — crackling skin, the best of the trip.",
        15,
    );
    let knuckle_second = knuckle(
        "Eisbein, the northern style",
        "Alt-Berliner Wirtshaus (demo)",
        8,
        8,
        1650,
        "4.6 on a review site",
        "Boiled, not roasted: 北派讲究的是……",
        14,
    );
    let knuckle_third = knuckle(
        "Haxe to go",
        "Markthalle stand (demo)",
        6,
        6,
        1200,
        "4.2 on a review site",
        "Fine for a quick dinner.",
        16,
    );

    let mut summary = EntryFields::new(EntryKind::Note, "正经向 · The serious part", at(15, 22, 0));
    summary.section = Some(SECTION_SUMMARY.into());
    summary.body = "这次峰会是 OpenStack 对之前发展的一次高度总结，既继承了已有的闪光点，又昭示了未来的道路。\n\n\
                    *Next time: bring better lunch.* 🥨"
        .into();

    let entries = [
        (keynote, Some(Scene::Stage)),
        (edge, None),
        (ceph, Some(Scene::Stage)),
        (my_talk, Some(Scene::Audience)),
        (chat, None),
        (lunch, Some(Scene::LunchBox)),
        (currywurst, None),
        (knuckle_best, Some(Scene::Plate)),
        (knuckle_second, Some(Scene::Plate)),
        (knuckle_third, None),
        (summary, None),
    ];
    for (index, (fields, scene)) in entries.into_iter().enumerate() {
        let caption = fields.title.clone();
        let entry_id = store.create_entry(trip_id, &fields)?;
        if let Some(scene) = scene {
            let jpeg = paint(scene, index as u32)?;
            import_bytes(
                store,
                trip_id,
                Some(entry_id),
                &caption,
                &format!("demo-{index:02}.jpg"),
                jpeg,
            )?;
        }
    }
    // Two photos of the city that belong to no entry yet.
    for (seed, caption) in [(100, "CityCube at dusk"), (101, "Spree 河畔")] {
        let jpeg = paint(Scene::Skyline, seed)?;
        if let PhotoInsert::Imported(photo) = import_bytes(
            store,
            trip_id,
            None,
            caption,
            &format!("demo-city-{seed}.jpg"),
            jpeg,
        )? && seed == 100
        {
            store.set_trip_cover(trip_id, Some(photo))?;
        }
    }
    Ok(trip_id)
}

/// What a generated demo photo shows.
#[derive(Debug, Clone, Copy)]
enum Scene {
    Stage,
    Audience,
    LunchBox,
    Plate,
    Skyline,
}

/// A tiny deterministic random source for photo grain.
struct Grain(u32);

impl Grain {
    fn next(&mut self) -> i32 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        ((self.0 >> 24) as i32 % 17) - 8
    }
}

/// Paints a 960×640 photo-like picture of a scene and returns it as JPEG bytes.
fn paint(scene: Scene, seed: u32) -> Result<Vec<u8>, ImportError> {
    const WIDTH: u32 = 960;
    const HEIGHT: u32 = 640;
    let mut grain = Grain(seed.wrapping_mul(7919).wrapping_add(17));
    let shift = (seed * 37 % 60) as i32;
    let mut image = RgbImage::new(WIDTH, HEIGHT);
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        let (fx, fy) = (x as f32 / WIDTH as f32, y as f32 / HEIGHT as f32);
        let base: [f32; 3] = match scene {
            Scene::Stage => {
                let spot = 1.0 - ((fx - 0.5).powi(2) + (fy - 0.35).powi(2)).sqrt() * 2.0;
                if fy > 0.7 {
                    [40.0, 30.0, 50.0]
                } else {
                    [
                        30.0 + 200.0 * spot.max(0.0),
                        40.0 + 120.0 * spot.max(0.0),
                        120.0,
                    ]
                }
            }
            Scene::Audience => {
                let heads = ((fx * 40.0).sin() * (fy * 30.0).sin()).abs();
                if fy < 0.3 {
                    [230.0, 230.0, 240.0]
                } else {
                    [60.0 + 80.0 * heads, 50.0 + 40.0 * heads, 45.0]
                }
            }
            Scene::LunchBox => {
                let bag = (fx - 0.5).abs() < 0.25 && (fy - 0.55).abs() < 0.3;
                let bread = ((fx - 0.5).powi(2) / 0.02 + (fy - 0.5).powi(2) / 0.01) < 1.0;
                if bread {
                    [200.0, 160.0, 100.0]
                } else if bag {
                    [180.0, 170.0, 150.0]
                } else {
                    [90.0, 110.0, 120.0]
                }
            }
            Scene::Plate => {
                let r = ((fx - 0.5).powi(2) + ((fy - 0.5) * 0.7).powi(2)).sqrt();
                if r < 0.15 {
                    [150.0, 80.0, 40.0]
                } else if r < 0.3 {
                    [245.0, 245.0, 240.0]
                } else {
                    [110.0, 70.0, 40.0]
                }
            }
            Scene::Skyline => {
                let tower = ((fx * 12.0).floor() as i32 * 7 + shift) % 10;
                let roof = 0.45 + tower as f32 * 0.03;
                if fy > roof {
                    [50.0, 50.0, 60.0]
                } else {
                    [250.0 - 150.0 * fy, 140.0 + 60.0 * fy, 90.0 + 120.0 * fy]
                }
            }
        };
        let noise = grain.next() as f32;
        *pixel = Rgb(base.map(|channel| (channel + noise).clamp(0.0, 255.0) as u8));
    }
    crate::photos::encode_web_jpeg(&image, 90)
}

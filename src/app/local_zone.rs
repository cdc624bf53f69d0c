//! The time zone of the computer the window runs on, the zone a new trip starts in until
//! its place tells a better one (see [`crate::model::places`]).
//!
//! `TZ` decides when it holds an IANA name (as in `TZ=Asia/Shanghai tripjournal`), then the
//! system's own setting; UTC when neither can be read.

use chrono_tz::Tz;

use crate::model::parse_time_zone;

/// This computer's IANA time zone, or UTC when it cannot be told.
pub fn system_zone() -> Tz {
    let from_env = std::env::var("TZ").ok();
    zone_from(
        from_env.as_deref(),
        iana_time_zone::get_timezone().ok().as_deref(),
    )
}

/// The zone named by `TZ` (with or without POSIX's leading ':') or else by the system.
fn zone_from(tz_variable: Option<&str>, system: Option<&str>) -> Tz {
    let named = |name: &str| parse_time_zone(name.trim_start_matches(':')).ok();
    tz_variable
        .and_then(named)
        .or_else(|| system.and_then(named))
        .unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tz_then_the_system_then_utc() {
        let shanghai = chrono_tz::Asia::Shanghai;
        assert_eq!(
            zone_from(Some("Asia/Shanghai"), Some("Europe/Berlin")),
            shanghai
        );
        assert_eq!(zone_from(Some(":Asia/Shanghai"), None), shanghai);
        assert_eq!(
            zone_from(Some("CET-1CEST"), Some("Europe/Berlin")),
            chrono_tz::Europe::Berlin,
            "a POSIX rule is not a zone name"
        );
        assert_eq!(zone_from(None, Some("Asia/Shanghai")), shanghai);
        assert_eq!(zone_from(None, Some("Mars/Olympus")), Tz::UTC);
        assert_eq!(zone_from(None, None), Tz::UTC);
    }
}

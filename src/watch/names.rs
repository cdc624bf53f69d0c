//! Which names in a watched folder are photos to import, by two tables: the names sync tools,
//! browsers and editors give files while they are still being written (skipped until renamed),
//! and the extensions of photos. Anything else (a phone's `.MOV` videos, sidecar files) is
//! skipped quietly: it is neither imported nor reported.

/// Names of files still being written, as `(starts with, ends with)`; both must match
/// (case ignored). Hidden files (a leading dot) are skipped as well, which covers Syncthing's
/// `.syncthing.NAME.tmp`.
const TEMPORARY_NAMES: &[(&str, &str)] = &[
    (".", ""),           // hidden files, `.syncthing.*.tmp`, macOS `._*`
    ("~", ""),           // office and editor lock and temporary files
    ("", ".part"),       // Firefox, KDE, rsync --partial-dir
    ("", ".partial"),    // Safari and some cloud drives
    ("", ".crdownload"), // Chromium downloads
    ("", ".tmp"),        // many tools
    ("", ".download"),   // macOS Safari bundles
];

/// Extensions of the photos a watched folder imports (case ignored).
const PHOTO_EXTENSIONS: &[&str] = &[
    "jpg", "jpeg", "jpe", "png", "webp", "gif", "heic", "heif", "hif", "avif",
];

/// What a name in a watched folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A photo: imported once complete.
    Photo,
    /// A file still being written under a temporary name: waited for.
    Temporary,
    /// Not a photo (a video, a sidecar): skipped quietly.
    Other,
}

/// Tells what the file (or folder) named `name` is.
pub fn name_kind(name: &str) -> NameKind {
    let lower = name.to_lowercase();
    if TEMPORARY_NAMES
        .iter()
        .any(|(start, end)| lower.starts_with(start) && lower.ends_with(end))
    {
        return NameKind::Temporary;
    }
    match lower.rsplit_once('.') {
        Some((stem, extension)) if !stem.is_empty() && PHOTO_EXTENSIONS.contains(&extension) => {
            NameKind::Photo
        }
        _ => NameKind::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sync_tools_temporary_names_are_waited_for() {
        for name in [
            ".syncthing.IMG_0001.JPG.tmp",
            "IMG_0001.JPG.part",
            "IMG_0001.jpg.crdownload",
            "~IMG_0001.jpg",
            ".hidden.jpg",
            "upload.TMP",
        ] {
            assert_eq!(name_kind(name), NameKind::Temporary, "{name}");
        }
    }

    #[test]
    fn photos_by_extension_and_videos_skipped() {
        assert_eq!(name_kind("IMG_0001.JPG"), NameKind::Photo);
        assert_eq!(name_kind("IMG_0002.heic"), NameKind::Photo);
        assert_eq!(name_kind("a.b.png"), NameKind::Photo);
        assert_eq!(name_kind("IMG_0003.MOV"), NameKind::Other);
        assert_eq!(name_kind("IMG_0003.AAE"), NameKind::Other);
        assert_eq!(name_kind("jpg"), NameKind::Other);
    }
}

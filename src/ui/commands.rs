//! Every command of the window in one table: what it is called (on the toolbar, a button or in
//! a menu),
//! what it does (tooltips and the F1 help), its keys and where they work. The toolbar, the
//! shortcuts, the widgets that answer keys (stars, the photo viewer, the schedule) and the help
//! all read it, so a key is written once, here; a command that changes the journal goes
//! through the same [`Action`] as a click, so the read-only guard sees it.

use egui::{InputState, Key, KeyboardShortcut, Modifiers};

use crate::app::Action;
use crate::model::EntryKind;

/// A command of the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    CaptureSession,
    CaptureMeal,
    CaptureRating,
    CaptureNote,
    NewTrip,
    AddPhotos,
    Paste,
    Find,
    Export,
    Save,
    Undo,
    Redo,
    NextField,
    JumpToNotes,
    StarsMore,
    StarsLess,
    StarsLowest,
    StarsHighest,
    StarsClear,
    ViewerPrevious,
    ViewerNext,
    ScheduleStar,
    ScheduleNotes,
    ScheduleNext,
    SchedulePrevious,
    Confirm,
    Close,
    Help,
    Theme,
    EraseTyped,
    EditTrip,
    DeleteTrip,
    WatchFolder,
    DeleteEntry,
    ViewPhoto,
    MovePhotoLeft,
    MovePhotoRight,
    CameraClock,
    SetCover,
    DeletePhoto,
    ImportSchedule,
    NewTripFromSchedule,
}

/// Where a command's keys work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Anywhere in the window.
    Window,
    /// Outside a text field (inside one the key is the field's own).
    OutsideText,
    /// In the entry editor.
    Editor,
    /// On a star rating that has the keyboard.
    Stars,
    /// In the photo viewer.
    Viewer,
    /// In the Schedule view.
    Schedule,
    /// In a one-line field of a dialog.
    Field,
    /// Handled by the text fields themselves (listed for the help).
    TextField,
    /// A menu item or button without keys.
    Menu,
    /// Typing held for a quick capture's title (not listed in the help).
    HeldTyping,
}

/// One row of the table.
pub struct CommandSpec {
    pub cmd: Cmd,
    /// The message key of the toolbar's or menu's label ("" when it has none).
    pub label: &'static str,
    /// The message key of what it does, for the help and tooltips.
    pub help: &'static str,
    pub keys: &'static [KeyboardShortcut],
    pub scope: Scope,
}

const fn key(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::SHIFT, key)
}

/// The table, in the order the help lists it (the commands with keys; menu items follow).
pub const COMMANDS: &[CommandSpec] = &[
    spec(
        Cmd::CaptureSession,
        "cmd-capture-session",
        "cmd-capture-session-help",
        &[ctrl(Key::Num1)],
        Scope::Window,
    ),
    spec(
        Cmd::CaptureMeal,
        "cmd-capture-meal",
        "cmd-capture-meal-help",
        &[ctrl(Key::Num2)],
        Scope::Window,
    ),
    spec(
        Cmd::CaptureRating,
        "cmd-capture-rating",
        "cmd-capture-rating-help",
        &[ctrl(Key::Num3)],
        Scope::Window,
    ),
    spec(
        Cmd::CaptureNote,
        "cmd-capture-note",
        "cmd-capture-note-help",
        &[ctrl(Key::Num4)],
        Scope::Window,
    ),
    spec(
        Cmd::NewTrip,
        "cmd-new-trip",
        "cmd-new-trip-help",
        &[ctrl(Key::N)],
        Scope::Window,
    ),
    spec(
        Cmd::AddPhotos,
        "cmd-add-photos",
        "cmd-add-photos-help",
        &[ctrl(Key::O)],
        Scope::Window,
    ),
    spec(
        Cmd::Paste,
        "",
        "cmd-paste-help",
        &[ctrl(Key::V)],
        Scope::TextField,
    ),
    spec(
        Cmd::Find,
        "",
        "cmd-find-help",
        &[ctrl(Key::F)],
        Scope::Window,
    ),
    spec(
        Cmd::Export,
        "cmd-export",
        "cmd-export-help",
        &[ctrl(Key::E)],
        Scope::Window,
    ),
    spec(
        Cmd::Save,
        "",
        "cmd-save-help",
        &[ctrl(Key::S)],
        Scope::Window,
    ),
    spec(
        Cmd::Undo,
        "cmd-undo",
        "cmd-undo-help",
        &[ctrl(Key::Z)],
        Scope::OutsideText,
    ),
    spec(
        Cmd::Redo,
        "cmd-redo",
        "cmd-redo-help",
        &[ctrl_shift(Key::Z), ctrl(Key::Y)],
        Scope::OutsideText,
    ),
    spec(
        Cmd::NextField,
        "",
        "cmd-next-field-help",
        &[key(Key::Tab), shift(Key::Tab)],
        Scope::TextField,
    ),
    spec(
        Cmd::JumpToNotes,
        "",
        "cmd-jump-to-notes-help",
        &[ctrl(Key::Enter)],
        Scope::Editor,
    ),
    spec(
        Cmd::StarsMore,
        "",
        "cmd-stars-more-help",
        &[key(Key::ArrowRight), key(Key::ArrowUp)],
        Scope::Stars,
    ),
    spec(
        Cmd::StarsLess,
        "",
        "cmd-stars-less-help",
        &[key(Key::ArrowLeft), key(Key::ArrowDown)],
        Scope::Stars,
    ),
    spec(
        Cmd::StarsLowest,
        "",
        "cmd-stars-lowest-help",
        &[key(Key::Home)],
        Scope::Stars,
    ),
    spec(
        Cmd::StarsHighest,
        "",
        "cmd-stars-highest-help",
        &[key(Key::End)],
        Scope::Stars,
    ),
    spec(
        Cmd::StarsClear,
        "",
        "cmd-stars-clear-help",
        &[key(Key::Delete), key(Key::Backspace)],
        Scope::Stars,
    ),
    spec(
        Cmd::ViewerPrevious,
        "",
        "cmd-viewer-previous-help",
        &[key(Key::ArrowLeft)],
        Scope::Viewer,
    ),
    spec(
        Cmd::ViewerNext,
        "",
        "cmd-viewer-next-help",
        &[key(Key::ArrowRight)],
        Scope::Viewer,
    ),
    spec(
        Cmd::ScheduleStar,
        "",
        "cmd-schedule-star-help",
        &[key(Key::S)],
        Scope::Schedule,
    ),
    spec(
        Cmd::ScheduleNotes,
        "",
        "cmd-schedule-notes-help",
        &[key(Key::Enter)],
        Scope::Schedule,
    ),
    spec(
        Cmd::ScheduleNext,
        "",
        "cmd-schedule-next-help",
        &[key(Key::ArrowDown)],
        Scope::Schedule,
    ),
    spec(
        Cmd::SchedulePrevious,
        "",
        "cmd-schedule-previous-help",
        &[key(Key::ArrowUp)],
        Scope::Schedule,
    ),
    spec(
        Cmd::Confirm,
        "",
        "cmd-confirm-help",
        &[key(Key::Enter)],
        Scope::Field,
    ),
    spec(
        Cmd::Close,
        "",
        "cmd-close-help",
        &[key(Key::Escape)],
        Scope::Window,
    ),
    spec(
        Cmd::EraseTyped,
        "",
        "cmd-erase-typed-help",
        &[key(Key::Backspace)],
        Scope::TextField,
    ),
    spec(
        Cmd::Help,
        "cmd-help",
        "cmd-help-help",
        &[key(Key::F1)],
        Scope::Window,
    ),
    spec(Cmd::Theme, "", "cmd-theme-help", &[], Scope::Window),
    spec(
        Cmd::EditTrip,
        "cmd-edit-trip",
        "cmd-edit-trip-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::DeleteTrip,
        "cmd-delete-trip",
        "cmd-delete-trip-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::WatchFolder,
        "cmd-watch-folder",
        "cmd-watch-folder-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::DeleteEntry,
        "cmd-delete-entry",
        "cmd-delete-entry-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::ViewPhoto,
        "cmd-view-photo",
        "cmd-view-photo-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::MovePhotoLeft,
        "cmd-move-photo-left",
        "cmd-move-photo-left-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::MovePhotoRight,
        "cmd-move-photo-right",
        "cmd-move-photo-right-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::CameraClock,
        "cmd-camera-clock",
        "cmd-camera-clock-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::SetCover,
        "cmd-set-cover",
        "cmd-set-cover-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::DeletePhoto,
        "cmd-delete-photo",
        "cmd-delete-photo-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::ImportSchedule,
        "cmd-import-schedule",
        "cmd-import-schedule-help",
        &[],
        Scope::Menu,
    ),
    spec(
        Cmd::NewTripFromSchedule,
        "cmd-new-trip-from-schedule",
        "cmd-new-trip-from-schedule-help",
        &[],
        Scope::Menu,
    ),
];

const fn spec(
    cmd: Cmd,
    label: &'static str,
    help: &'static str,
    keys: &'static [KeyboardShortcut],
    scope: Scope,
) -> CommandSpec {
    CommandSpec {
        cmd,
        label,
        help,
        keys,
        scope,
    }
}

/// The row of `cmd`.
pub fn spec_of(cmd: Cmd) -> &'static CommandSpec {
    COMMANDS
        .iter()
        .find(|spec| spec.cmd == cmd)
        .unwrap_or(&COMMANDS[0])
}

/// The keys of a command as the help writes them ("Ctrl+Shift+Z / Ctrl+Y").
pub fn keys_text(ctx: &egui::Context, cmd: Cmd) -> String {
    spec_of(cmd)
        .keys
        .iter()
        .map(|shortcut| ctx.format_shortcut(shortcut))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A button or menu item of the table, with the command's tooltip; returns whether it was
/// clicked.
pub fn command_button(ui: &mut egui::Ui, cmd: Cmd, enabled: bool) -> bool {
    let label = super::i18n::text(ui.ctx(), spec_of(cmd).label, &[]);
    ui.add_enabled(enabled, egui::Button::new(label))
        .on_hover_text(tooltip(ui.ctx(), cmd))
        .clicked()
}

/// A tooltip: what the command does and its keys.
pub fn tooltip(ctx: &egui::Context, cmd: Cmd) -> String {
    let keys = keys_text(ctx, cmd);
    let help = super::i18n::text(ctx, spec_of(cmd).help, &[]);
    if keys.is_empty() {
        help
    } else {
        format!("{help} ({keys})")
    }
}

/// How many times the command's keys were pressed this frame; the presses are consumed so no
/// widget sees them too. Several presses can arrive in one frame: each counts.
pub fn take_presses(input: &mut InputState, cmd: Cmd) -> usize {
    spec_of(cmd)
        .keys
        .iter()
        .map(|shortcut| input.count_and_consume_key(shortcut.modifiers, shortcut.logical_key))
        .sum()
}

/// The presses of the keys of `cmds` this frame, in the order they were made, consumed so no
/// widget sees them too. Fast typing or a slow frame brings several in one frame: each counts,
/// in its place (`↓ ↓ ↓ S` moves three rows, then stars).
pub fn take_presses_in_order(input: &mut InputState, cmds: &[Cmd]) -> Vec<Cmd> {
    let mut taken = Vec::new();
    input.events.retain(|event| {
        let egui::Event::Key {
            key,
            pressed: true,
            modifiers,
            ..
        } = event
        else {
            return true;
        };
        let matching = cmds.iter().copied().find(|cmd| {
            spec_of(*cmd).keys.iter().any(|shortcut| {
                shortcut.logical_key == *key && modifiers.matches_logically(shortcut.modifiers)
            })
        });
        match matching {
            Some(cmd) => {
                taken.push(cmd);
                false
            }
            None => true,
        }
    });
    taken
}

/// Whether the command's keys were pressed this frame (left for other widgets to see).
pub fn was_pressed(input: &InputState, cmd: Cmd) -> bool {
    spec_of(cmd).keys.iter().any(|shortcut| {
        input.modifiers.matches_logically(shortcut.modifiers)
            && input.key_pressed(shortcut.logical_key)
    })
}

/// Whether the F1 help lists the command (it has keys a person presses on purpose).
pub fn in_help(spec: &CommandSpec) -> bool {
    !spec.keys.is_empty() && spec.scope != Scope::HeldTyping
}

/// What a command asks of the app when its key is pressed (or its button clicked), for the
/// commands that are actions; the others are a widget's own.
pub fn action_of(cmd: Cmd) -> Option<Action> {
    Some(match cmd {
        Cmd::CaptureSession => Action::QuickCapture(EntryKind::Session),
        Cmd::CaptureMeal => Action::QuickCapture(EntryKind::Meal),
        Cmd::CaptureRating => Action::QuickCapture(EntryKind::FoodRating),
        Cmd::CaptureNote => Action::QuickCapture(EntryKind::Note),
        Cmd::NewTrip => Action::NewTrip,
        Cmd::AddPhotos => Action::PickPhotos,
        Cmd::Find => Action::FindInTrip,
        Cmd::Export => Action::OpenExportDialog,
        Cmd::Save => Action::SaveNow,
        Cmd::Undo => Action::Undo,
        Cmd::Redo => Action::Redo,
        Cmd::Close => Action::CloseTopmost,
        Cmd::Help => Action::ToggleHelp,
        Cmd::Theme => Action::ToggleTheme,
        _ => return None,
    })
}

/// The commands whose keys the window itself answers, in the order they are looked at (Redo's
/// Ctrl+Shift+Z before Undo's Ctrl+Z, which would also match it).
pub const WINDOW_KEYS: [Cmd; 12] = [
    Cmd::CaptureSession,
    Cmd::CaptureMeal,
    Cmd::CaptureRating,
    Cmd::CaptureNote,
    Cmd::NewTrip,
    Cmd::Find,
    Cmd::Export,
    Cmd::AddPhotos,
    Cmd::Save,
    Cmd::Help,
    Cmd::Redo,
    Cmd::Undo,
];

/// The quick-capture commands of the toolbar, with the kind each makes.
pub const CAPTURES: [(Cmd, EntryKind); 4] = [
    (Cmd::CaptureSession, EntryKind::Session),
    (Cmd::CaptureMeal, EntryKind::Meal),
    (Cmd::CaptureRating, EntryKind::FoodRating),
    (Cmd::CaptureNote, EntryKind::Note),
];

/// Where the help says a scoped key works ("in the Schedule").
pub fn scope_text(ctx: &egui::Context, scope: Scope) -> String {
    match scope {
        Scope::Window
        | Scope::OutsideText
        | Scope::Editor
        | Scope::TextField
        | Scope::Menu
        | Scope::HeldTyping => String::new(),
        Scope::Stars => t!(ctx, "scope-stars"),
        Scope::Viewer => t!(ctx, "scope-viewer"),
        Scope::Schedule => t!(ctx, "scope-schedule"),
        Scope::Field => t!(ctx, "scope-field"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_event(key: Key, modifiers: Modifiers) -> egui::Event {
        egui::Event::Key {
            key,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        }
    }

    #[test]
    fn presses_are_taken_in_the_order_they_came_and_others_are_left() {
        let mut input = InputState::default();
        input.events = vec![
            key_event(Key::ArrowDown, Modifiers::NONE),
            key_event(Key::ArrowDown, Modifiers::NONE),
            key_event(Key::A, Modifiers::NONE),
            key_event(Key::S, Modifiers::NONE),
            key_event(Key::ArrowUp, Modifiers::NONE),
            key_event(Key::S, Modifiers::COMMAND),
        ];
        let cmds = [Cmd::ScheduleNext, Cmd::SchedulePrevious, Cmd::ScheduleStar];
        assert_eq!(
            take_presses_in_order(&mut input, &cmds),
            [
                Cmd::ScheduleNext,
                Cmd::ScheduleNext,
                Cmd::ScheduleStar,
                Cmd::SchedulePrevious
            ]
        );
        assert_eq!(
            input.events,
            [
                key_event(Key::A, Modifiers::NONE),
                key_event(Key::S, Modifiers::COMMAND)
            ]
        );
    }

    #[test]
    fn no_two_commands_of_one_scope_share_a_key() {
        for (index, a) in COMMANDS.iter().enumerate() {
            for b in &COMMANDS[index + 1..] {
                let overlapping = a.scope == b.scope
                    || (a.scope == Scope::Window && b.scope == Scope::OutsideText)
                    || (a.scope == Scope::OutsideText && b.scope == Scope::Window);
                if !overlapping {
                    continue;
                }
                for key in a.keys {
                    assert!(
                        !b.keys.contains(key),
                        "{:?} and {:?} share {key:?}",
                        a.cmd,
                        b.cmd
                    );
                }
            }
        }
    }

    #[test]
    fn every_command_has_a_row_and_every_window_key_an_action() {
        for spec in COMMANDS {
            assert_eq!(spec_of(spec.cmd).cmd, spec.cmd);
        }
        for cmd in WINDOW_KEYS {
            assert!(action_of(cmd).is_some(), "{cmd:?} has no action");
            assert!(!spec_of(cmd).keys.is_empty(), "{cmd:?} has no key");
        }
    }
}

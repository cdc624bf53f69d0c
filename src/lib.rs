//! tripjournal: a travel journal for conferences and trips, kept in one SQLite file and
//! exported as Markdown blog posts.
//!
//! The library is the whole program except its front ends: [`model`] has the plain data,
//! [`store`] the journal file, [`photos`] the image pipeline and batch import, [`demo`] the
//! built-in example trip, and [`cli`] the command line over all of them.

/// The application id: the window's Wayland app id and X11 class, the name of the installed
/// desktop entry (`ID.desktop`), of the icon and of the AppStream file.
pub const APP_ID: &str = "io.github.tripjournal.TripJournal";

pub mod app;
pub mod cli;
pub mod demo;
pub mod export;
pub mod model;
pub mod photos;
pub mod schedule;
pub mod store;
pub mod ui;
pub mod watch;

//! tripjournal: a travel journal for conferences and trips, kept in one SQLite file and
//! exported as Markdown blog posts.
//!
//! The library is the whole program except its front ends: [`model`] has the plain data,
//! [`store`] the journal file, [`photos`] the image pipeline and batch import, [`demo`] the
//! built-in example trip, and [`cli`] the command line over all of them.

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

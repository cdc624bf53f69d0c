//! Applies the SQL files of `migrations/` in order, each in its own transaction.
//!
//! The version of a journal is `PRAGMA user_version`: the number of the last migration applied.
//! `build.rs` embeds the files, so adding `migrations/0002_x.sql` is all it takes to ship one.

use rusqlite::Connection;

use super::{APPLICATION_ID, StoreError, StoreResult};

include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// The schema version this program writes.
pub const LATEST_VERSION: u32 = MIGRATIONS.len() as u32;

/// Brings the schema up to date. Each migration commits whole or not at all.
pub(super) fn migrate(conn: &mut Connection) -> StoreResult<()> {
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    let pending = |version: u32| {
        MIGRATIONS
            .iter()
            .find(|(number, _, _)| *number > version)
            .copied()
    };
    loop {
        // An up-to-date journal is only read, so a journal on read-only media still opens.
        let current: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
        if pending(current).is_none() {
            return Ok(());
        }
        let tx = conn.transaction()?;
        // Read again under the write lock: another program opening the same journal at the
        // same moment may have just applied the migration.
        let current: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let Some((version, name, sql)) = pending(current) else {
            return Ok(());
        };
        let failed = |source| StoreError::Migration {
            name: name.to_string(),
            source,
        };
        tx.execute_batch(sql).map_err(failed)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(failed)?;
        tx.pragma_update(None, "user_version", version)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_from_one_without_gaps() {
        for (index, (version, name, sql)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(*version as usize, index + 1, "{name}");
            assert!(!sql.trim().is_empty(), "{name} is empty");
        }
    }

    #[test]
    fn every_migration_applies_to_an_empty_database() {
        let mut conn = Connection::open_in_memory().expect("in-memory database");
        migrate(&mut conn).expect("migrations apply");
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .expect("user_version");
        assert_eq!(version, LATEST_VERSION);
        // Applying again is a no-op.
        migrate(&mut conn).expect("second run is a no-op");
    }
}

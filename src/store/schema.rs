//! A journal file never runs code it brought along, and its schema is the one this program
//! makes.
//!
//! Every connection is [`harden`]ed: SQLite's defensive mode (no writing the schema by hand),
//! an untrusted schema (no functions with side effects from a file's definitions), and neither
//! triggers nor views, which tripjournal's own schema never uses: a trigger that a copied
//! backup carries ("after an entry is added, delete every photo") can then never fire.
//!
//! [`schema_differences`] compares a file's `sqlite_schema` (tables, indexes, triggers and
//! views) with what this version's migrations make at the file's schema version, so that
//! `restore` refuses a backup whose schema is not tripjournal's and `check` names what differs.
//! Definitions are compared as SQL with comments, quotes, case and spacing set aside.

use std::collections::BTreeMap;

use rusqlite::Connection;
use rusqlite::config::DbConfig;

use super::migrations::MIGRATIONS;

/// Sets a connection so that the file's own definitions cannot run code (see the module notes).
pub(super) fn harden(conn: &Connection) -> rusqlite::Result<()> {
    for (setting, on) in [
        (DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true),
        (DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false),
        (DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false),
    ] {
        conn.set_db_config(setting, on)?;
    }
    Ok(())
}

/// One object of a schema: its kind ("table", "index", "trigger", "view"), the table it belongs
/// to, and its definition in a normal form.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SchemaObject {
    kind: String,
    table: String,
    definition: String,
}

/// How a file's schema differs from the one this program makes at `version`, one line each,
/// in name order; empty when it is the same.
pub(super) fn schema_differences(conn: &Connection, version: u32) -> rusqlite::Result<Vec<String>> {
    let found = schema_objects(conn)?;
    let expected = schema_objects(&expected_schema(version)?)?;
    let mut differences = Vec::new();
    for (name, object) in &found {
        match expected.get(name) {
            None => differences.push(format!(
                "it has a {} \"{name}\"{} that tripjournal does not make",
                object.kind,
                on_table(object)
            )),
            Some(wanted) if wanted.kind != object.kind => differences.push(format!(
                "its \"{name}\" is a {}, where tripjournal makes a {}",
                object.kind, wanted.kind
            )),
            Some(wanted) if wanted != object => differences.push(format!(
                "its {} \"{name}\" is not defined as tripjournal defines it",
                object.kind
            )),
            Some(_) => {}
        }
    }
    for (name, wanted) in &expected {
        if !found.contains_key(name) {
            differences.push(format!("its {} \"{name}\" is missing", wanted.kind));
        }
    }
    Ok(differences)
}

fn on_table(object: &SchemaObject) -> String {
    match object.kind.as_str() {
        "trigger" | "index" => format!(" on {}", object.table),
        _ => String::new(),
    }
}

/// A database holding exactly what this program's migrations make up to `version`.
fn expected_schema(version: u32) -> rusqlite::Result<Connection> {
    let conn = Connection::open_in_memory()?;
    for (_, _, sql) in MIGRATIONS
        .iter()
        .filter(|(number, _, _)| *number <= version)
    {
        conn.execute_batch(sql)?;
    }
    Ok(conn)
}

/// The named objects of a schema, leaving out what SQLite makes by itself (the indexes behind
/// UNIQUE constraints, the statistics of ANALYZE).
fn schema_objects(conn: &Connection) -> rusqlite::Result<BTreeMap<String, SchemaObject>> {
    let mut statement = conn.prepare(
        "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_schema
         WHERE NOT (type = 'index' AND name LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\')
           AND NOT (type = 'table' AND name LIKE 'sqlite\\_stat%' ESCAPE '\\')",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(1)?,
            SchemaObject {
                kind: row.get(0)?,
                table: row.get(2)?,
                definition: normal_sql(&row.get::<_, String>(3)?),
            },
        ))
    })?;
    rows.collect()
}

/// SQL without comments, double quotes around names, case or spacing differences, so that one
/// definition reads the same whether written by a migration or rewritten by `ALTER TABLE`.
fn normal_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            in_string = c != '\'';
            continue;
        }
        match c {
            '\'' => {
                in_string = true;
                out.push(c);
            }
            '-' if chars.peek() == Some(&'-') => {
                for skipped in chars.by_ref() {
                    if skipped == '\n' {
                        break;
                    }
                }
                out.push(' ');
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for skipped in chars.by_ref() {
                    if last == '*' && skipped == '/' {
                        break;
                    }
                    last = skipped;
                }
                out.push(' ');
            }
            '"' | '`' | '[' | ']' => {}
            c if c.is_whitespace() => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    let words: Vec<&str> = out.split(' ').filter(|word| !word.is_empty()).collect();
    words
        .join(" ")
        .replace(" (", "(")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" ,", ",")
        .replace(", ", ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_compare_without_comments_quotes_case_or_spacing() {
        let written =
            "CREATE TABLE t (\n    a TEXT, -- the a\n    b INTEGER /* b */ DEFAULT 'X  y'\n)";
        let rewritten = "create table \"t\"(a text,b integer default 'X  y')";
        assert_eq!(normal_sql(written), normal_sql(rewritten));
        assert_ne!(
            normal_sql(written),
            normal_sql(&written.replace("'X  y'", "'x y'"))
        );
    }

    #[test]
    fn the_latest_schema_matches_itself_and_a_trigger_or_view_is_named() {
        let latest = super::super::migrations::LATEST_VERSION;
        let conn = expected_schema(latest).expect("schema");
        assert_eq!(
            schema_differences(&conn, latest).expect("compare"),
            Vec::<String>::new()
        );
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN DELETE FROM photos; END;
             DROP TABLE export_targets; CREATE VIEW export_targets AS SELECT 1 AS x;",
        )
        .expect("hostile schema");
        let differences = schema_differences(&conn, latest).expect("compare");
        assert_eq!(
            differences,
            vec![
                "its \"export_targets\" is a view, where tripjournal makes a table".to_owned(),
                "it has a trigger \"wipe\" on entries that tripjournal does not make".to_owned(),
            ]
        );
    }

    #[test]
    fn a_hardened_connection_never_fires_a_trigger_the_file_brought() {
        let conn = expected_schema(super::super::migrations::LATEST_VERSION).expect("schema");
        conn.execute_batch(
            "CREATE TABLE log (x); CREATE TRIGGER t AFTER INSERT ON log BEGIN DELETE FROM log; END;",
        )
        .expect("trigger");
        harden(&conn).expect("hardens");
        conn.execute("INSERT INTO log VALUES (1)", [])
            .expect("insert");
        let count: i64 = conn
            .query_row("SELECT count(*) FROM log", [], |row| row.get(0))
            .expect("count");
        assert_eq!(count, 1, "the trigger did not run");
    }
}

//! Embeds every `migrations/NNNN_name.sql` file into the binary, in order, and makes a new or
//! changed migration file rebuild it, so a migration can never be silently left out.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let migrations_dir = Path::new(&manifest_dir).join("migrations");
    let mut names: Vec<String> = fs::read_dir(&migrations_dir)
        .expect("the migrations folder exists")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".sql"))
        .collect();
    names.sort();

    let mut code = String::from(
        "/// Every migration, in order: (version, file name, SQL).\npub const MIGRATIONS: &[(u32, &str, &str)] = &[\n",
    );
    for (index, name) in names.iter().enumerate() {
        let number: u32 = name
            .split('_')
            .next()
            .and_then(|digits| digits.parse().ok())
            .unwrap_or_else(|| {
                panic!("migration {name} must start with its number, e.g. 0002_name.sql")
            });
        assert_eq!(
            number as usize,
            index + 1,
            "migrations must be numbered 0001, 0002, ... without gaps; {name} is out of place"
        );
        let path = migrations_dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({number}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("migrations.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

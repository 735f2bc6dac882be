//! Migration of older format versions to the current one, step by step.

use super::*;

/// One migration step: index `i` turns a version `i + 1` document into version `i + 2`.
pub(crate) type Migration = fn(Value) -> Result<Value>;

/// Migration steps, oldest first. Empty while v1 is current. When v2 arrives, push `v1_to_v2` here and bump
/// [`CURRENT_VERSION`]; the const assertion below keeps the two in step, so every old file keeps loading.
pub(crate) const MIGRATIONS: &[Migration] = &[];

const _: () = assert!(CURRENT_VERSION == 1 + MIGRATIONS.len() as u64);

/// Upgrades a dataset document to [`CURRENT_VERSION`]; refuses other formats and future versions.
pub fn migrate(mut value: Value) -> Result<Value> {
    let Some(obj) = value.as_object() else {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat("the document must be a JSON object".into()),
            "",
        ));
    };
    match obj.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(_) => {
            return Err(Error::new(
                ErrorKind::UnsupportedFormat(format!("format must be \"{FORMAT}\"")),
                "format",
            ))
        }
        None => return Err(Error::new(ErrorKind::Missing, "format")),
    }
    let version = match obj.get("version") {
        None => return Err(Error::new(ErrorKind::Missing, "version")),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            Error::new(
                ErrorKind::UnsupportedFormat("version must be a whole number ≥ 1".into()),
                "version",
            )
        })?,
    };
    if version > CURRENT_VERSION {
        return Err(Error::new(
            ErrorKind::UnsupportedFormat(format!(
                "version {version} is newer than this program, which reads versions 1 to {CURRENT_VERSION}; \
                 update the program"
            )),
            "version",
        ));
    }
    let mut v = version;
    while v < CURRENT_VERSION {
        let step = usize::try_from(v - 1)
            .ok()
            .and_then(|i| MIGRATIONS.get(i))
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::UnsupportedFormat(format!("no migration from version {v}")),
                    "version",
                )
            })?;
        value = step(value)?;
        v += 1;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("version".into(), Value::from(v));
        }
    }
    Ok(value)
}

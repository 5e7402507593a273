//! One module per subcommand. Each turns arguments into settings, calls the library and
//! writes the result; the library itself never prints.

pub mod check;
pub mod claims;
pub mod explain;
pub mod import;
pub mod init;
pub mod rules;
mod setup;

pub use setup::Setup;

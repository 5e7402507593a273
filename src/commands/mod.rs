//! One module per subcommand. Each turns arguments into settings, calls the library and
//! writes the result; the library itself never prints.

pub mod check;
pub mod claims;
pub mod explain;
pub mod import;
pub mod init;
pub mod rules;
mod setup;

pub use setup::{Flags, Setup};

/// For a command that writes files: SIGINT, SIGTERM and SIGHUP still end it as they would, but
/// first the temporary file being written, if any, is removed — never left beside the article.
pub fn remove_temporaries_on_signals() {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        use signal_hook::iterator::Signals;
        // Without the handler a signal ends the run at once, as before: nothing worse.
        let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else { return };
        std::thread::spawn(move || {
            if let Some(signal) = signals.forever().next() {
                // Held until the process ends: no other temporary file is made meanwhile.
                let _held = factlint::fix::remove_temporaries();
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                std::process::exit(128 + signal);
            }
        });
    }
}

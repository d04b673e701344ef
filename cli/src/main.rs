//! The `a55` command: `a55 demo` runs the whole flow against an embedded emulator; `a55 emulator`
//! serves the emulator until interrupted.

use std::process::ExitCode;

mod demo;

/// Prints a line; a closed stdout (a reader that took the first line and left, `| head`) is not an
/// error worth crashing for.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

const USAGE: &str = "usage:
  a55 demo [--keep-files]      run the whole A55 flow against an embedded emulator
  a55 emulator [flags]         serve the A55 emulator until SIGINT/SIGTERM
  a55 --version

emulator flags:
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("a55: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match args.first().map(String::as_str) {
        Some("emulator") => runtime.block_on(emulator(&args[1..])),
        Some("demo") => runtime.block_on(demo::run(&args[1..])),
        Some("--version") => {
            say!("a55 {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Some("-h" | "--help" | "help") => {
            say!("{USAGE}{}", a55_emulator::config::FLAGS_HELP);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}{}", a55_emulator::config::FLAGS_HELP);
            ExitCode::from(2)
        }
    }
}

async fn emulator(args: &[String]) -> ExitCode {
    if args.iter().any(|a| a == "-h" || a == "--help") {
        say!("{USAGE}{}", a55_emulator::config::FLAGS_HELP);
        return ExitCode::SUCCESS;
    }
    let config = match a55_emulator::EmulatorConfig::from_args(args) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("a55 emulator: {e}");
            return ExitCode::from(2);
        }
    };
    let (id, secret, webhook_secret) = (
        config.client_id.clone(),
        config.client_secret.clone(),
        config.webhook_secret.clone(),
    );
    let signals = Signals::register();
    let handle = match a55_emulator::start(config).await {
        Ok(h) => h,
        Err(e) => {
            eprintln!("a55 emulator: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    // The first line is a contract: tests read the URL from it.
    say!("a55 emulator listening on {}", handle.base_url);
    say!("token url: {}/oauth2/token", handle.base_url);
    say!("client id: {id}");
    say!("client secret: {secret}");
    say!("webhook secret: {webhook_secret}");
    say!("entity: {}", a55_emulator::FIXTURE_ENTITY);
    say!(
        "wallet: {} (BRL, merchant {})",
        a55_emulator::FIXTURE_WALLET,
        a55_emulator::FIXTURE_MERCHANT
    );
    use std::io::Write;
    let _ = std::io::stdout().flush();
    signals.wait().await;
    handle.shutdown().await;
    eprintln!("a55 emulator stopped");
    ExitCode::SUCCESS
}

/// SIGINT and SIGTERM, registered before the emulator announces itself: a signal sent right after
/// the first line is read must stop it cleanly, not kill it.
struct Signals {
    #[cfg(unix)]
    unix: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl Signals {
    fn register() -> Signals {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let unix = match (
                signal(SignalKind::terminate()),
                signal(SignalKind::interrupt()),
            ) {
                (Ok(term), Ok(int)) => Some((term, int)),
                _ => None,
            };
            Signals { unix }
        }
        #[cfg(not(unix))]
        Signals {}
    }

    async fn wait(self) {
        #[cfg(unix)]
        if let Some((mut term, mut int)) = self.unix {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}

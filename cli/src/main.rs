//! The `a55` command: `a55 demo` runs the whole flow against an embedded emulator; `a55 emulator`
//! serves the emulator until interrupted.

use std::process::ExitCode;

/// mimalloc rather than glibc's malloc: the emulator's heap grows with every charge it keeps, and
/// glibc's free lists fragment as it does, making each request dearer (BENCHMARKS.md, "The
/// emulator as it fills").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser as _;

mod args;
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

fn main() -> ExitCode {
    // Help, --version and bad flags (clap's message, exit 2) end here, before anything starts.
    let cli = args::Cli::parse();
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
    match cli.command {
        args::Command::Emulator(flags) => runtime.block_on(emulator(flags.config())),
        args::Command::Demo(flags) => runtime.block_on(demo::run(flags.out)),
    }
}

async fn emulator(config: a55_emulator::EmulatorConfig) -> ExitCode {
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

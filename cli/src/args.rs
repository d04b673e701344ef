//! The command line, parsed by clap: `a55 demo [--out DIR]` and `a55 emulator [flags]`.
//!
//! The emulator's flag defaults are read from `EmulatorConfig::default()` (emulator/src/config.rs),
//! so the help shows the defaults the emulator really has.

use std::path::PathBuf;
use std::time::Duration;

use a55_core::schedule::{Date, parse_date};
use a55_emulator::{EmulatorConfig, FaultPlan, WebhookSchedule, parse_origin};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// The A55 SDK's command: a demo of the whole flow, and the A55 API emulator.
#[derive(Debug, Parser)]
#[command(name = "a55", version)]
pub struct Cli {
    /// What to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole A55 flow against an embedded emulator, told step by step (files go to --out DIR).
    Demo(DemoArgs),
    /// Serve the A55 emulator until SIGINT/SIGTERM; the first line printed is its URL.
    Emulator(EmulatorArgs),
}

/// `a55 demo`'s flags.
#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Directory the demo writes its files to (the PIX QR code PNG).
    #[arg(long, value_name = "DIR", default_value = "a55-demo-output")]
    pub out: PathBuf,
}

fn defaults() -> EmulatorConfig {
    EmulatorConfig::default()
}

/// `a55 emulator`'s flags; each default is `EmulatorConfig::default()`'s.
#[derive(Debug, Args)]
pub struct EmulatorArgs {
    /// Port to listen on (0: any free port).
    #[arg(long, value_name = "N", default_value_t = defaults().port)]
    pub port: u16,
    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value_t = defaults().host)]
    pub host: String,
    /// Platform client id.
    #[arg(long, value_name = "ID", default_value_t = defaults().client_id)]
    pub client_id: String,
    /// Platform client secret.
    #[arg(long, value_name = "SECRET", default_value_t = defaults().client_secret)]
    pub client_secret: String,
    /// Access token lifetime, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = defaults().token_ttl.as_secs())]
    pub token_ttl: u64,
    /// The emulator's today [default: the clock, UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = today)]
    pub today: Option<Date>,
    /// Requests per client id within the rolling window (A55: 100 a minute); 0 disables the limit.
    #[arg(long, value_name = "N", default_value_t = defaults().rate_limit)]
    pub rate_limit: u32,
    /// The rate limit's rolling window, in whole seconds (A55's is 60; shorter for tests).
    #[arg(
        long,
        value_name = "SECONDS",
        value_parser = clap::value_parser!(u64).range(1..),
        default_value_t = defaults().rate_window.as_secs()
    )]
    pub rate_window: u64,
    /// Webhook signing secret.
    #[arg(long, value_name = "SECRET", default_value_t = defaults().webhook_secret)]
    pub webhook_secret: String,
    /// Delivery retries on A55's schedule (7 attempts over ~32.5 h) or compressed into seconds.
    #[arg(
        long,
        value_name = "a55|fast",
        value_enum,
        hide_possible_values = true,
        default_value_t = Schedule::from(defaults().webhook_schedule)
    )]
    pub webhook_schedule: Schedule,
    /// Deliver webhooks to non-loopback hosts too [default: loopback only].
    #[arg(long)]
    pub allow_external_webhooks: bool,
    /// Faults for all API requests, e.g.
    /// 500=0.05,503=0.05,429=0.05,delay=0.05:200,reset_before=0.05,reset_after=0.05 [default: none].
    #[arg(long, value_name = "SPEC", value_parser = FaultPlan::parse)]
    pub faults: Option<FaultPlan>,
    /// Seed of every random choice (faults, card digit 9).
    #[arg(long, value_name = "N", default_value_t = defaults().seed)]
    pub seed: u64,
    /// Captured charges turn paid after this many seconds; 0: only by control call.
    #[arg(long, value_name = "SECONDS", default_value_t = defaults().settle_delay.map_or(0, |d| d.as_secs()))]
    pub settle_delay: u64,
    /// A browser origin (http://localhost:3000) allowed to call the public endpoints; repeat for
    /// more [default: any origin].
    #[arg(long, value_name = "ORIGIN", value_parser = parse_origin)]
    pub cors_origin: Vec<String>,
}

/// `--webhook-schedule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Schedule {
    /// A55's: immediately, +1 min, +5 min, +30 min, +2 h, +6 h, +24 h.
    A55,
    /// The same 7 attempts within ~6 s.
    Fast,
}

impl From<WebhookSchedule> for Schedule {
    fn from(s: WebhookSchedule) -> Schedule {
        match s {
            WebhookSchedule::A55 => Schedule::A55,
            WebhookSchedule::Fast => Schedule::Fast,
        }
    }
}

impl std::fmt::Display for Schedule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Schedule::A55 => "a55",
            Schedule::Fast => "fast",
        })
    }
}

fn today(text: &str) -> Result<Date, String> {
    parse_date(text, "--today").map_err(|e| e.message)
}

impl EmulatorArgs {
    /// The emulator's configuration.
    pub fn config(self) -> EmulatorConfig {
        EmulatorConfig {
            client_id: self.client_id,
            client_secret: self.client_secret,
            token_ttl: Duration::from_secs(self.token_ttl),
            today: self.today,
            rate_limit: self.rate_limit,
            rate_window: Duration::from_secs(self.rate_window),
            webhook_secret: self.webhook_secret,
            webhook_schedule: match self.webhook_schedule {
                Schedule::A55 => WebhookSchedule::A55,
                Schedule::Fast => WebhookSchedule::Fast,
            },
            allow_external_webhooks: self.allow_external_webhooks,
            faults: self.faults.unwrap_or_default(),
            seed: self.seed,
            settle_delay: (self.settle_delay > 0).then(|| Duration::from_secs(self.settle_delay)),
            host: self.host,
            port: self.port,
            cors_origins: self.cors_origin,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use clap::CommandFactory;

    fn emulator(args: &[&str]) -> EmulatorConfig {
        let argv = ["a55", "emulator"].iter().chain(args);
        match Cli::try_parse_from(argv).unwrap().command {
            Command::Emulator(a) => a.config(),
            Command::Demo(_) => panic!("not the emulator"),
        }
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_flags_is_the_emulators_default_config() {
        assert_eq!(
            format!("{:?}", emulator(&[])),
            format!("{:?}", EmulatorConfig::default())
        );
    }

    #[test]
    fn every_flag_reaches_the_config() {
        let c = emulator(&[
            "--port=8080",
            "--host",
            "0.0.0.0",
            "--client-id",
            "id",
            "--client-secret=s",
            "--token-ttl",
            "60",
            "--today",
            "2026-11-21",
            "--rate-limit",
            "0",
            "--rate-window=2",
            "--webhook-secret",
            "w",
            "--webhook-schedule",
            "fast",
            "--allow-external-webhooks",
            "--faults",
            "500=0.5,delay=0.1:200",
            "--seed",
            "7",
            "--settle-delay",
            "0",
            "--cors-origin",
            "http://localhost:3000/",
            "--cors-origin=https://shop.example",
        ]);
        assert_eq!((c.port, c.host.as_str()), (8080, "0.0.0.0"));
        assert_eq!(
            (c.client_id.as_str(), c.client_secret.as_str()),
            ("id", "s")
        );
        assert_eq!(c.token_ttl, Duration::from_secs(60));
        assert_eq!(c.today, Some(parse_date("2026-11-21", "t").unwrap()));
        assert_eq!((c.rate_limit, c.webhook_secret.as_str()), (0, "w"));
        assert_eq!(c.rate_window, Duration::from_secs(2));
        assert_eq!(c.webhook_schedule, WebhookSchedule::Fast);
        assert!(c.allow_external_webhooks);
        assert_eq!(c.faults, FaultPlan::parse("500=0.5,delay=0.1:200").unwrap());
        assert_eq!((c.seed, c.settle_delay), (7, None));
        assert_eq!(
            c.cors_origins,
            ["http://localhost:3000", "https://shop.example"]
        );
    }

    #[test]
    fn bad_values_are_refused() {
        for bad in [
            &["--port", "70000"][..],
            &["--today", "2026-13-01"],
            &["--faults", "700=0.1"],
            &["--webhook-schedule", "slow"],
            &["--seed", "-1"],
            &["--rate-window", "0"],
            &["--rate-window", "1.5"],
            &["--keep-files"],
            &["--port"],
            &["--cors-origin", "localhost:3000"],
            &["--cors-origin", "http://localhost:3000/pay"],
        ] {
            let argv = ["a55", "emulator"].iter().chain(bad);
            assert!(Cli::try_parse_from(argv).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn demo_writes_to_out() {
        let Command::Demo(d) = Cli::try_parse_from(["a55", "demo", "--out", "x"])
            .unwrap()
            .command
        else {
            panic!("not the demo")
        };
        assert_eq!(d.out, PathBuf::from("x"));
    }
}

//! The `a55` binary's emulator as a child process, as users run it (`a55 emulator --port 0 …`):
//! for benchmarks that keep the emulator's work, memory and allocator out of their own process and
//! measure its CPU time on its own. Stopped when dropped.

use std::io::BufRead as _;
use std::process::{Child, Command, Stdio};

/// `a55 emulator` running in a child process.
#[derive(Debug)]
pub struct EmulatorProcess {
    child: Child,
    /// Where it listens, `http://127.0.0.1:PORT`.
    pub base_url: String,
}

impl EmulatorProcess {
    /// Starts `bin emulator --port 0 --settle-delay 0` with `args` after them (`--rate-limit 0`,
    /// `--today 2026-11-21`…) and waits for the URL it prints first.
    pub fn start(bin: &str, args: &[&str]) -> std::io::Result<EmulatorProcess> {
        let mut child = Command::new(bin)
            .args(["emulator", "--port", "0", "--settle-delay", "0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let mut first = String::new();
        if let Some(out) = child.stdout.take() {
            std::io::BufReader::new(out).read_line(&mut first)?;
        }
        // "a55 emulator listening on http://127.0.0.1:PORT"
        let Some(base_url) = first.split_whitespace().last().map(str::to_string) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(std::io::Error::other("a55 emulator printed no URL"));
        };
        Ok(EmulatorProcess { child, base_url })
    }

    /// The process's CPU time so far, every thread, in nanoseconds (the first field of each
    /// thread's `/proc/<pid>/task/<tid>/schedstat`); `None` where there is no /proc.
    pub fn cpu_nanos(&self) -> Option<u64> {
        let tasks = std::fs::read_dir(format!("/proc/{}/task", self.child.id())).ok()?;
        let mut total = 0;
        for task in tasks.flatten() {
            let stat = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
            total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
        }
        Some(total)
    }
}

impl Drop for EmulatorProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

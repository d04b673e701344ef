//! Captured `confirmed` charges waiting for the settle delay: [`Settlements`].

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use tokio::time::Instant;

/// Charges waiting to settle, in the order they were scheduled: the delay is the same for every
/// charge, so that is also the order they fall due. One task settles them
/// (`crate::lifecycle::schedule_settlement`), started by the first charge pushed into an empty
/// queue and ended when the queue is empty again: no task and no timer per charge, and none while
/// nothing waits.
#[derive(Debug, Default)]
pub struct Settlements {
    queue: Mutex<Queue>,
}

#[derive(Debug, Default)]
struct Queue {
    /// Charge ids by due time.
    due: VecDeque<(Instant, String)>,
    /// Whether the settling task is running.
    running: bool,
}

impl Settlements {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Adds a charge due `delay` from now (the time read under the lock, so the queue stays in due
    /// order): whether the settling task must be started (none was running). A delay too long to
    /// be a time (`--settle-delay` near `u64::MAX` seconds) is never due: nothing is queued.
    pub fn push(&self, delay: Duration, charge_uuid: String) -> bool {
        let mut queue = self.lock();
        let Some(at) = Instant::now().checked_add(delay) else {
            return false;
        };
        queue.due.push_back((at, charge_uuid));
        !std::mem::replace(&mut queue.running, true)
    }

    /// Marks the settling task stopped when it ends other than by finding the queue empty (a panic
    /// while settling, its runtime shutting down): the next [`Settlements::push`] starts another,
    /// which settles what is overdue.
    pub fn stopped(&self) {
        self.lock().running = false;
    }

    /// Moves the charges due at `now` into `out`, and answers when the next one falls due. With
    /// none moved and none waiting, the task is marked stopped (the next [`Settlements::push`]
    /// starts another) and must end.
    pub fn take_due(&self, now: Instant, out: &mut Vec<String>) -> Option<Instant> {
        let mut queue = self.lock();
        while queue.due.front().is_some_and(|(at, _)| *at <= now) {
            out.extend(queue.due.pop_front().map(|(_, id)| id));
        }
        let next = queue.due.front().map(|&(at, _)| at);
        if out.is_empty() && next.is_none() {
            queue.running = false;
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_task_while_charges_wait() {
        let q = Settlements::default();
        let five = Duration::from_secs(5);
        assert!(
            q.push(Duration::ZERO, "a".into()),
            "the first charge starts the task"
        );
        assert!(!q.push(five, "b".into()), "one task at a time");
        let mut out = Vec::new();
        let next = q.take_due(Instant::now(), &mut out);
        assert_eq!(out, ["a"]);
        assert!(next.is_some_and(|at| at > Instant::now()));
        out.clear();
        // Nothing due yet: the task waits, still running.
        assert!(q.take_due(Instant::now(), &mut out).is_some());
        assert!(out.is_empty());
        assert!(!q.push(five, "c".into()));
        let later = Instant::now() + Duration::from_secs(6);
        assert_eq!(q.take_due(later, &mut out), None);
        assert_eq!(out, ["b", "c"]);
        out.clear();
        // Empty: the task stops, and the next charge starts another.
        assert_eq!(q.take_due(later, &mut out), None);
        assert!(q.push(Duration::ZERO, "d".into()));
        // A task that ended otherwise is marked stopped: the next charge starts another.
        assert!(!q.push(Duration::ZERO, "e".into()));
        q.stopped();
        assert!(q.push(Duration::ZERO, "f".into()));
        // A delay too long to be a time: never queued.
        assert!(!q.push(Duration::MAX, "g".into()));
        assert_eq!(q.take_due(later, &mut out), None);
        assert_eq!(out, ["d", "e", "f"]);
    }
}

//! A fleet's access token in its shared store: sealed with a key derived from the client secret
//! (ChaCha20-Poly1305, the store key as associated data), so a reader of the store without the
//! secret cannot use it, and fetched once per lifetime for the whole fleet: the process that takes
//! the store's short lock fetches, the others wait for its token or for the lock to lapse.

use std::time::Duration;

use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::redact::Secret;

use super::store::SealedToken;

/// How long the fetch lock lives if its holder dies.
pub(crate) const LOCK_TTL: Duration = Duration::from_secs(10);
/// How often a process waiting for another's fetch looks again.
pub(crate) const LOCK_POLL: Duration = Duration::from_millis(50);

/// Seals and opens a fleet's token.
pub(crate) struct Sealer {
    cipher: ChaCha20Poly1305,
    key: String,
}

impl std::fmt::Debug for Sealer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sealer(…)")
    }
}

impl Sealer {
    /// A sealer for the token kept under `key`, with the client's secret.
    pub(crate) fn new(secret: &Secret, key: &str) -> Sealer {
        #[allow(clippy::expect_used)]
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(secret.expose().as_bytes())
            .expect("HMAC accepts keys of any length");
        mac.update(b"a55-sdk fleet token v1\0");
        mac.update(key.as_bytes());
        let derived = mac.finalize().into_bytes();
        Sealer {
            cipher: ChaCha20Poly1305::new(Key::from_slice(&derived)),
            key: key.to_string(),
        }
    }

    /// The token, sealed (when to replace it is the store key's time to live).
    pub(crate) fn seal(&self, token: &Secret) -> Option<SealedToken> {
        let nonce_bytes = *uuid::Uuid::new_v4().as_bytes();
        let nonce = Nonce::from_slice(&nonce_bytes[..12]);
        let sealed = self
            .cipher
            .encrypt(
                nonce,
                Payload {
                    msg: token.expose().as_bytes(),
                    aad: self.key.as_bytes(),
                },
            )
            .ok()?;
        let mut out = nonce_bytes[..12].to_vec();
        out.extend_from_slice(&sealed);
        Some(SealedToken(out))
    }

    /// The token; None when it was sealed with another secret or altered.
    pub(crate) fn open(&self, sealed: &SealedToken) -> Option<Secret> {
        if sealed.0.len() < 12 + 16 {
            return None;
        }
        let (nonce, body) = sealed.0.split_at(12);
        let plain = self
            .cipher
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: body,
                    aad: self.key.as_bytes(),
                },
            )
            .ok()?;
        String::from_utf8(plain).ok().map(Secret::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_secret_opens_the_token() {
        let s = Sealer::new(&Secret::new("secret"), "a55:{k}");
        let sealed = s.seal(&Secret::new("tok_123")).unwrap();
        assert!(!sealed.0.windows(7).any(|w| w == b"tok_123"));
        let t = s.open(&sealed).unwrap();
        assert_eq!(t.expose(), "tok_123");
        assert!(
            Sealer::new(&Secret::new("other"), "a55:{k}")
                .open(&sealed)
                .is_none()
        );
        assert!(
            Sealer::new(&Secret::new("secret"), "a55:{j}")
                .open(&sealed)
                .is_none()
        );
        let mut altered = sealed.clone();
        let last = altered.0.len() - 1;
        altered.0[last] ^= 1;
        assert!(s.open(&altered).is_none());
    }
}

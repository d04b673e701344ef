//! The A55 emulator.

//! Design exercises (stub: the parser/validator lands in its own branch and replaces this file).

pub mod diagram;

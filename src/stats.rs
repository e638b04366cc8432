//! Dashboard figures (stub; being written).

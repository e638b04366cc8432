//! Export and import (stub; being written).

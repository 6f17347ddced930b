"""The app's widgets, one module per area."""

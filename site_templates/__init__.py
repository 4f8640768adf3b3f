"""Templates and browser assets shipped with the garden plugin."""

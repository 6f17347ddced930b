"""Full screens: help and the story overview."""

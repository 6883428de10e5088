"""Sourcing: claims with their source kinds, verification markers and flags."""

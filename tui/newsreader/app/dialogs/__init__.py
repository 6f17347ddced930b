"""Small modal dialogs: editing metadata, asking for a folder."""

"""The cellkg command line, the top floor: it imports every layer and nothing imports it."""

"""Image work with Pillow: cropping, annotations with shaped Arabic, encoding, contact sheet."""

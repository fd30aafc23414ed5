"""Resource specs: one declarative description per Contact Center object."""

"""Knowledge base shipped as data: people, organisations, places, roles."""

import "../lib/startup-check";

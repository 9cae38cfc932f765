/* diese-formulaires: mounted through document$ */

/* diese-sites: mounted through document$ */

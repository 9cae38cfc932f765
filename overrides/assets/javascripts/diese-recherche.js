/* diese-recherche: mounted through document$ */

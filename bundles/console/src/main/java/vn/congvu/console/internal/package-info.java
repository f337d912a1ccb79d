/** The console's servlets, its sign-in and accounts, and the renderers of tables as HTML, CSV and JSON. */
package vn.congvu.console.internal;

/**
 * A conformance check plugin authors run on their own plugin from their own tests ({@link
 * io.sharcs.api.testkit.PluginConformance}); it needs no test framework.
 */
package io.sharcs.api.testkit;

package io.devshare.project;

import io.devshare.testsupport.ArchitectureTest;

/** The house's layers (CONTRIBUTING.md, "Layers") on this service's classes. */
class LayersTest extends ArchitectureTest {

    LayersTest() {
        super("io.devshare.project");
    }
}

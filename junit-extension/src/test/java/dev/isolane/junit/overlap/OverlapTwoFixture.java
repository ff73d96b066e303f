package dev.isolane.junit.overlap;

/** Another fork that meets the other overlap fixtures: {@link OverlapOneFixture}'s tests, run as its own class. */
class OverlapTwoFixture extends OverlapOneFixture {}

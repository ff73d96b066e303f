package com.acme;

class BravoTest extends StartsInOrder {}

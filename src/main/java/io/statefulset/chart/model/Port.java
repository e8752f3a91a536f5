package io.statefulset.chart.model;

import io.statefulset.chart.vocabulary.Protocol;

/** A named container port ({@code <port>}). */
public record Port(String name, int containerPort, Protocol protocol) {}

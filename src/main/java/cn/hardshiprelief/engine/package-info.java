/** Wiring of the embedded Camunda engine into the application (start order, shared settings). */
package cn.hardshiprelief.engine;

/** The one engine call the demo needs: ending a demo household's public notice at once. */
package cn.hardshiprelief.demo.process;

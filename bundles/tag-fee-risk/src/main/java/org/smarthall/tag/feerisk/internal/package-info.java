/**
 * The fee-risk tag theme, version 1.0: a points score from payment habits (post-paid customers)
 * or meter trips and failed recharges (prepaid customers). Nothing here is exported: the tagging
 * engine finds the theme as a {@link org.smarthall.api.tag.TagTheme} service.
 */
package org.smarthall.tag.feerisk.internal;
